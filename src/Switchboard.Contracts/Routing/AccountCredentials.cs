namespace Switchboard.Contracts.Routing;

/// <summary>
/// What authentication needs of a local account: Digest HA1 per algorithm for realm = domain (RFC 7616 §3.4.2).
/// The password itself is never stored or sent. <paramref name="NtHash"/> (hex) only where NTLM is enabled.
/// </summary>
public sealed record AccountCredentials(string User, string Domain, string Ha1Md5, string Ha1Sha256, string? NtHash = null)
{
    /// <summary>The HA1 (lower-case hex) for "MD5" or "SHA-256" (a "-sess" suffix is ignored), or null.</summary>
    public string? Ha1For(string algorithm)
    {
        var name = algorithm.EndsWith("-sess", StringComparison.OrdinalIgnoreCase) ? algorithm[..^5] : algorithm;
        if (name.Length == 0 || name.Equals("MD5", StringComparison.OrdinalIgnoreCase))
        {
            return Ha1Md5;
        }
        return name.Equals("SHA-256", StringComparison.OrdinalIgnoreCase) ? Ha1Sha256 : null;
    }
}
