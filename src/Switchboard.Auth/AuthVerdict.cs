namespace Switchboard.Auth;

/// <summary>The outcome of checking one request's credentials.</summary>
/// <param name="Security">For NTLM: the security association whose keys sign the responses (MS-SIPAE).</param>
public readonly record struct AuthVerdict(
    AuthVerdictKind Kind, string? User, string? Reason, string? Challenge, Ntlm.NtlmSecurityContext? Security = null)
{
    public bool IsOk => Kind == AuthVerdictKind.Ok;

    public static AuthVerdict Ok(string user) => new(AuthVerdictKind.Ok, user, null, null);

    public static AuthVerdict Ok(Ntlm.NtlmSecurityContext security) => new(AuthVerdictKind.Ok, security.User, null, null, security);

    public static AuthVerdict Stale(string? user) => new(AuthVerdictKind.Stale, user, "nonce is stale", null);

    /// <summary><paramref name="reason"/> is for logs, never for the wire.</summary>
    public static AuthVerdict Unauthorized(string reason, string? user = null) =>
        new(AuthVerdictKind.Unauthorized, user, reason, null);

    public static AuthVerdict NoCredentials(string? reason = null) => new(AuthVerdictKind.NoCredentials, null, reason, null);

    public static AuthVerdict Continue(string challenge) => new(AuthVerdictKind.Continue, null, null, challenge);
}
