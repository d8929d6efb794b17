using System.Text;
using Switchboard.Auth.Digest;
using Switchboard.Auth.Ntlm;

namespace Switchboard.Router.Accounts;

/// <summary>
/// The stored forms of an account's password, as lower-case hex: Digest HA1 per algorithm (computed by
/// <see cref="DigestHa1"/>, the same code that verifies them) and the NT hash NTLM needs.
/// </summary>
internal static class AccountHa1
{
    public static string Md5(string user, string realm, string password) =>
        Convert.ToHexStringLower(DigestHa1.Compute(DigestAlgorithm.Md5, user, realm, password));

    public static string Sha256(string user, string realm, string password) =>
        Convert.ToHexStringLower(DigestHa1.Compute(DigestAlgorithm.Sha256, user, realm, password));

    /// <summary>NT hash = MD4(UTF-16LE(password)), hex; what NTLM needs in place of the password.</summary>
    public static string NtHash(string password) =>
        Convert.ToHexStringLower(Md4.HashData(Encoding.Unicode.GetBytes(password)));
}
