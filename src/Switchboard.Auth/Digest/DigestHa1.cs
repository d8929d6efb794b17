using System.Text;

namespace Switchboard.Auth.Digest;

/// <summary>
/// HA1 = H(username ":" realm ":" password) (RFC 7616 §3.4.2), the only secret an account needs to
/// keep for Digest. Returned as raw hash bytes (16 for MD5, 32 for SHA-256).
/// </summary>
public static class DigestHa1
{
    public static byte[] Compute(DigestAlgorithm algorithm, string user, string realm, string password)
    {
        var text = string.Concat(user, ":", realm, ":", password);
        var data = Encoding.UTF8.GetBytes(text);
        var hash = new byte[algorithm.Base() == DigestAlgorithm.Md5 ? 16 : 32];
        DigestHash.Hash(algorithm.Base(), data, hash);
        return hash;
    }
}
