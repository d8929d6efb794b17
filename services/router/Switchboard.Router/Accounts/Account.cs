namespace Switchboard.Router.Accounts;

/// <summary>
/// A local account. Credentials are kept only as Digest HA1 values (realm = domain), so the
/// password itself is never stored. <see cref="NtHash"/> is set only when the store allows it.
/// </summary>
public sealed record Account(string User, string Domain, string Ha1Md5, string Ha1Sha256, string? NtHash = null)
{
    /// <summary>The HA1 for a Digest algorithm name ("MD5", "SHA-256", with or without "-sess"), or null.</summary>
    public string? Ha1For(string algorithm)
    {
        var name = algorithm.EndsWith("-sess", StringComparison.OrdinalIgnoreCase) ? algorithm[..^5] : algorithm;
        if (name.Length == 0 || name.Equals("MD5", StringComparison.OrdinalIgnoreCase))
            return Ha1Md5;
        return name.Equals("SHA-256", StringComparison.OrdinalIgnoreCase) ? Ha1Sha256 : null;
    }
}
