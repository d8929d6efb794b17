using Switchboard.Auth.Ntlm;
using Switchboard.Proxy.Validation;

namespace Switchboard.Proxy.Security;

/// <summary>
/// The policy's verdict: forward (with the authenticated account, if any), or answer with a rejection. When the
/// request was NTLM-authenticated, <see cref="Security"/> is the MS-SIPAE security association that signs our responses.
/// </summary>
public sealed record SecurityDecision(ProxyRejection? Rejection, string? AuthenticatedUser, NtlmSecurityContext? Security = null)
{
    public bool Allowed => Rejection is null;

    public static SecurityDecision Allow(string? user = null, NtlmSecurityContext? security = null) => new(null, user, security);

    public static SecurityDecision Reject(int statusCode, string reason, IReadOnlyList<KeyValuePair<string, string>>? headers = null) =>
        new(new ProxyRejection(statusCode, reason, headers), null);
}
