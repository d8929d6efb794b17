namespace Switchboard.Proxy.Gateways;

/// <summary>The "Gateways" section as the proxy sees it: caller identity towards gateways and inbound DID numbers.</summary>
public sealed class GatewayRoutingOptions
{
    public const string SectionName = "Gateways";

    public CallerIdentityMode CallerIdentity { get; set; } = CallerIdentityMode.PAssertedIdentity;

    /// <summary>Inbound numbers (Request-URI user) to local accounts, <c>user</c> or <c>user@domain</c>.</summary>
    public IDictionary<string, string> Dids { get; set; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>How long the list of gateways is kept before it is read again from the directory.</summary>
    public TimeSpan DirectoryRefresh { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Challenges answered per request before the 401/407 goes back to the caller (a stale nonce needs a second).</summary>
    public int MaxAuthAttempts { get; set; } = 2;
}
