namespace Switchboard.Contracts.Routing;

/// <summary>Where an address goes after aliases, forwarders and router records (the manual's Router).</summary>
public sealed record AddressResolution(
    AddressResolutionKind Kind,
    string? User = null,
    string? Domain = null,
    string? Uri = null,
    string? GatewayName = null,
    int StatusCode = 0,
    string? Reason = null)
{
    public static AddressResolution Local(string user, string domain) => new(AddressResolutionKind.LocalAccount, user, domain);

    public static AddressResolution ToRemote(string uri) => new(AddressResolutionKind.Remote, Uri: uri);

    public static AddressResolution ToGateway(string gatewayName, string uri) =>
        new(AddressResolutionKind.Gateway, Uri: uri, GatewayName: gatewayName);

    public static AddressResolution Reject(int statusCode, string reason) =>
        new(AddressResolutionKind.Rejected, StatusCode: statusCode, Reason: reason);

    /// <summary>The account's address of record, <c>sip:user@domain</c> (local accounts only).</summary>
    public string? AddressOfRecord => Kind == AddressResolutionKind.LocalAccount ? $"sip:{User}@{Domain}" : null;
}
