using System.Security.Cryptography;
using System.Text;

namespace Switchboard.Auth.Ntlm;

/// <summary>The NTLMv2 one-way functions of MS-NLMP §3.3.2.</summary>
public static class NtlmCrypto
{
    /// <summary>NTOWFv1 = MD4(UTF-16LE(password)): the "NT hash" an account keeps for NTLM.</summary>
    public static byte[] NtHash(string password) => Md4.HashData(Encoding.Unicode.GetBytes(password));

    /// <summary>NTOWFv2 = HMAC-MD5(NT hash, UTF-16LE(UPPER(user) ‖ domain)).</summary>
    public static byte[] NtowfV2(ReadOnlySpan<byte> ntHash, string user, string domain) =>
        HMACMD5.HashData(ntHash, Encoding.Unicode.GetBytes(user.ToUpperInvariant() + domain));

    /// <summary>NTProofStr = HMAC-MD5(NTOWFv2, ServerChallenge ‖ temp), temp being the client's blob.</summary>
    public static byte[] NtProofStr(ReadOnlySpan<byte> ntowfV2, ReadOnlySpan<byte> serverChallenge, ReadOnlySpan<byte> blob)
    {
        var input = new byte[serverChallenge.Length + blob.Length];
        serverChallenge.CopyTo(input);
        blob.CopyTo(input.AsSpan(serverChallenge.Length));
        return HMACMD5.HashData(ntowfV2, input);
    }

    /// <summary>SessionBaseKey = HMAC-MD5(NTOWFv2, NTProofStr).</summary>
    public static byte[] SessionBaseKey(ReadOnlySpan<byte> ntowfV2, ReadOnlySpan<byte> ntProofStr) =>
        HMACMD5.HashData(ntowfV2, ntProofStr);

    /// <summary>LMv2 response = HMAC-MD5(NTOWFv2, ServerChallenge ‖ ClientChallenge) ‖ ClientChallenge.</summary>
    public static byte[] LmV2Response(ReadOnlySpan<byte> ntowfV2, ReadOnlySpan<byte> serverChallenge, ReadOnlySpan<byte> clientChallenge)
    {
        var proof = NtProofStr(ntowfV2, serverChallenge, clientChallenge);
        return [.. proof, .. clientChallenge];
    }
}
