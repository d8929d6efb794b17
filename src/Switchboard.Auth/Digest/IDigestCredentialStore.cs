namespace Switchboard.Auth.Digest;

/// <summary>
/// Where accounts keep their Digest secrets: HA1 = H(user:realm:password) per realm and algorithm
/// (see <see cref="DigestHa1.Compute"/>), never the password itself.
/// </summary>
public interface IDigestCredentialStore
{
    /// <returns>Raw HA1 bytes for the base algorithm (MD5 or SHA-256), or null when there is no such account.</returns>
    ValueTask<byte[]?> GetHa1Async(string user, string realm, DigestAlgorithm algorithm, CancellationToken cancellationToken);
}
