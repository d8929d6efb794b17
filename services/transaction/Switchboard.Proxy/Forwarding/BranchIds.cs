using System.Globalization;
using System.Security.Cryptography;

namespace Switchboard.Proxy.Forwarding;

/// <summary>
/// Our Via branches: <c>z9hG4bKsb</c> + 16 hex digits of the request's loop hash + "." + a unique part
/// (RFC 3261 §16.6 step 8). The loop hash lets a request that comes back unchanged be recognised (§16.3 step 4).
/// </summary>
public sealed class BranchIds
{
    public const string Prefix = "z9hG4bKsb";

    private readonly uint _salt = (uint)RandomNumberGenerator.GetInt32(int.MaxValue);
    private long _counter;

    /// <summary>A fresh branch for one client transaction.</summary>
    public string Create(ulong loopHash)
    {
        long n = Interlocked.Increment(ref _counter);
        return string.Create(CultureInfo.InvariantCulture, $"{Prefix}{loopHash:x16}.{_salt:x8}{n:x}");
    }

    /// <summary>
    /// A branch for a stateless forward: the same incoming branch always gives the same one, so retransmissions
    /// of an ACK for a 2xx keep their branch (RFC 3261 §16.11).
    /// </summary>
    public string CreateStateless(ulong loopHash, ReadOnlySpan<byte> incomingBranch)
    {
        var hash = new HashCode();
        hash.Add(_salt);
        hash.AddBytes(incomingBranch);
        return string.Create(CultureInfo.InvariantCulture, $"{Prefix}{loopHash:x16}.s{(uint)hash.ToHashCode():x8}");
    }

    /// <summary>Reads the loop hash back from one of our branches.</summary>
    public static bool TryGetLoopHash(ReadOnlySpan<byte> branch, out ulong loopHash)
    {
        loopHash = 0;
        if (branch.Length < Prefix.Length + 17 || !branch.StartsWith("z9hG4bKsb"u8) || branch[Prefix.Length + 16] != (byte)'.')
        {
            return false;
        }

        return ulong.TryParse(branch.Slice(Prefix.Length, 16), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out loopHash);
    }
}
