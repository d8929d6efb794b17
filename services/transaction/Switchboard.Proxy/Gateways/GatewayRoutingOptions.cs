namespace Switchboard.Proxy.Gateways;

/// <summary>The "Gateways" section as the proxy sees it: caller identity towards gateways, inbound DID numbers and the
/// accounts behind each gateway's registered Contact.</summary>
public sealed class GatewayRoutingOptions
{
    public const string SectionName = "Gateways";

    public CallerIdentityMode CallerIdentity { get; set; } = CallerIdentityMode.PAssertedIdentity;

    /// <summary>Inbound numbers (Request-URI user) to local accounts, <c>user</c> or <c>user@domain</c>.</summary>
    public IDictionary<string, string> Dids { get; set; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>
    /// Gateway name to the local account (<c>user</c> or <c>user@domain</c>) that calls to the gateway's registered
    /// Contact reach (the manual's gateway panel: the PSTN calls the trunk's Contact, not a number of ours).
    /// </summary>
    public IDictionary<string, string> InboundAccounts { get; set; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>How long the list of gateways is kept before it is read again from the directory.</summary>
    public TimeSpan DirectoryRefresh { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Challenges answered per request before the 401/407 goes back to the caller (a stale nonce needs a second).</summary>
    public int MaxAuthAttempts { get; set; } = 2;
}
