using Switchboard.Proxy.Validation;

namespace Switchboard.Proxy.Security;

/// <summary>The policy's verdict: forward (with the authenticated account, if any), or answer with a rejection.</summary>
public sealed record SecurityDecision(ProxyRejection? Rejection, string? AuthenticatedUser)
{
    public bool Allowed => Rejection is null;

    public static SecurityDecision Allow(string? user = null) => new(null, user);

    public static SecurityDecision Reject(int statusCode, string reason, IReadOnlyList<KeyValuePair<string, string>>? headers = null) =>
        new(new ProxyRejection(statusCode, reason, headers), null);
}
