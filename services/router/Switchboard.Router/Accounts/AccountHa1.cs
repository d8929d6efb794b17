using System.Security.Cryptography;
using System.Text;

namespace Switchboard.Router.Accounts;

/// <summary>
/// Digest HA1 = H(username:realm:password) in lower-case hex (RFC 7616 §3.4.2).
/// Kept internal on purpose: Switchboard.Auth has DigestHa1.Compute; the lead may dedupe later.
/// </summary>
internal static class AccountHa1
{
    public static string Md5(string user, string realm, string password) =>
        Hex(MD5.HashData, user, realm, password);

    public static string Sha256(string user, string realm, string password) =>
        Hex(SHA256.HashData, user, realm, password);

    /// <summary>NT hash = MD4(UTF-16LE(password)), hex; what NTLM needs in place of the password.</summary>
    public static string NtHash(string password) =>
        Convert.ToHexStringLower(Md4.Hash(Encoding.Unicode.GetBytes(password)));

    private static string Hex(Func<ReadOnlySpan<byte>, byte[]> hash, string user, string realm, string password)
    {
        var text = string.Concat(user, ":", realm, ":", password);
        var bytes = Encoding.UTF8.GetBytes(text);
        return Convert.ToHexStringLower(hash(bytes));
    }
}
