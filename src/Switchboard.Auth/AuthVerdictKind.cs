namespace Switchboard.Auth;

public enum AuthVerdictKind
{
    /// <summary>Credentials are valid; <see cref="AuthVerdict.User"/> is the authenticated user.</summary>
    Ok,

    /// <summary>The digest was right but the nonce expired (or was evicted): challenge again with stale=true.</summary>
    Stale,

    /// <summary>Credentials were present and wrong or malformed: challenge again (or 403 if limited).</summary>
    Unauthorized,

    /// <summary>No credentials for this realm/scheme: send the challenges.</summary>
    NoCredentials,

    /// <summary>A multi-leg scheme (NTLM) needs another round trip: send <see cref="AuthVerdict.Challenge"/>.</summary>
    Continue,
}
