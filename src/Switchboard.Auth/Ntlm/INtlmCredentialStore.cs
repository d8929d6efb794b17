namespace Switchboard.Auth.Ntlm;

/// <summary>
/// Where accounts keep their NTLM secret: the NT hash MD4(UTF-16LE(password)) (see <see cref="NtlmCrypto.NtHash"/>).
/// It is password-equivalent for NTLM, so keep it only for accounts that need NTLM.
/// </summary>
public interface INtlmCredentialStore
{
    /// <returns>The 16-byte NT hash, or null when the account is unknown or has no NTLM secret.</returns>
    ValueTask<byte[]?> GetNtHashAsync(string user, string domain, CancellationToken cancellationToken);
}
