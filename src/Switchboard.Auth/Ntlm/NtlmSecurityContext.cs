using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Switchboard.Auth.Ntlm;

/// <summary>
/// An established MS-SIPAE security association: who authenticated, the session keys, and the message numbers
/// seen so far. Verifies the client's signed requests (crand/cnum/response) and signs responses (rspauth,
/// srand, snum). A cnum already seen, or too far behind the highest one, is refused (replay).
/// </summary>
public sealed class NtlmSecurityContext
{
    private const int ReplayWindow = 64;
    private readonly Lock _lock = new();
    private readonly NtlmSessionKeys _keys;
    private uint _highestClientNumber; // guarded by _lock
    private ulong _seenBelowHighest;   // guarded by _lock: bit n = (highest - 1 - n) was seen
    private int _serverNumber;

    public NtlmSecurityContext(string opaque, string user, NtlmSessionKeys keys, string realm, string targetName, int version)
    {
        Opaque = opaque;
        User = user;
        _keys = keys;
        Realm = realm;
        TargetName = targetName;
        Version = version;
    }

    public string Opaque { get; }

    public string User { get; }

    public string Realm { get; }

    public string TargetName { get; }

    public int Version { get; }

    /// <summary>True when <paramref name="response"/> (32 hex digits) is the client's signature of these fields.</summary>
    public bool VerifyRequest(SipSignatureFields fields, string crand, string cnum, string response)
    {
        if (!uint.TryParse(cnum, NumberStyles.None, CultureInfo.InvariantCulture, out uint number) || response.Length != 2 * NtlmMessageSignature.Length)
        {
            return false;
        }

        Span<byte> presented = stackalloc byte[NtlmMessageSignature.Length];
        if (Convert.FromHexString(response, presented, out _, out int written) != System.Buffers.OperationStatus.Done || written != presented.Length)
        {
            return false;
        }

        byte[] buffer = fields.ToSignatureBuffer("NTLM", crand, cnum, Realm, TargetName, Version);
        byte[] expected = NtlmMessageSignature.Compute(_keys.Flags, _keys.ClientSigning, _keys.ClientSealing, NtlmMessageSignature.SipSequenceNumber, buffer);
        return CryptographicOperations.FixedTimeEquals(expected, presented) && AcceptClientNumber(number);
    }

    /// <summary>The <c>Authentication-Info</c> (or <c>Proxy-Authentication-Info</c>) value for a response.</summary>
    public string SignResponse(SipSignatureFields fields) =>
        SignResponse(fields, Convert.ToHexString(RandomNumberGenerator.GetBytes(4)));

    /// <summary>As <see cref="SignResponse(SipSignatureFields)"/> with a given server salt (tests replay captured exchanges).</summary>
    public string SignResponse(SipSignatureFields fields, string srand)
    {
        string snum = Interlocked.Increment(ref _serverNumber).ToString(CultureInfo.InvariantCulture);
        byte[] buffer = fields.ToSignatureBuffer("NTLM", srand, snum, Realm, TargetName, Version);
        byte[] signature = NtlmMessageSignature.Compute(_keys.Flags, _keys.ServerSigning, _keys.ServerSealing, NtlmMessageSignature.SipSequenceNumber, buffer);
        return new StringBuilder("NTLM ")
            .Append("rspauth=\"").Append(Convert.ToHexString(signature)).Append("\", ")
            .Append("srand=\"").Append(srand).Append("\", ")
            .Append("snum=\"").Append(snum).Append("\", ")
            .Append("opaque=\"").Append(Opaque).Append("\", ")
            .Append("qop=\"auth\", ")
            .Append("targetname=\"").Append(TargetName).Append("\", ")
            .Append("realm=\"").Append(Realm).Append('"')
            .ToString();
    }

    // A sliding window like IPsec's: datagrams may arrive out of order, but each number counts once.
    private bool AcceptClientNumber(uint number)
    {
        lock (_lock)
        {
            if (number > _highestClientNumber)
            {
                uint shift = number - _highestClientNumber;
                _seenBelowHighest = shift >= ReplayWindow ? 0 : (_seenBelowHighest << (int)shift) | (_highestClientNumber == 0 ? 0 : 1UL << ((int)shift - 1));
                _highestClientNumber = number;
                return true;
            }

            uint behind = _highestClientNumber - number;
            if (behind == 0 || behind >= ReplayWindow)
            {
                return false;
            }

            ulong bit = 1UL << ((int)behind - 1);
            if ((_seenBelowHighest & bit) != 0)
            {
                return false;
            }

            _seenBelowHighest |= bit;
            return true;
        }
    }
}
