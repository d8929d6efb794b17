namespace Switchboard.Auth;

/// <summary>The status code and header names each <see cref="AuthRole"/> uses.</summary>
public static class AuthRoleHeaders
{
    public static int ChallengeStatus(AuthRole role) => role == AuthRole.Proxy ? 407 : 401;

    public static string ChallengeReason(AuthRole role) =>
        role == AuthRole.Proxy ? "Proxy Authentication Required" : "Unauthorized";

    /// <summary>The header the server puts its challenges in.</summary>
    public static string ChallengeHeader(AuthRole role) =>
        role == AuthRole.Proxy ? "Proxy-Authenticate" : "WWW-Authenticate";

    /// <summary>The header the client answers with.</summary>
    public static string CredentialsHeader(AuthRole role) =>
        role == AuthRole.Proxy ? "Proxy-Authorization" : "Authorization";

    /// <summary>The header that carries the server's signature of a response (MS-SIPAE rspauth, RFC 3261 §20.6/§20.29).</summary>
    public static string InfoHeader(AuthRole role) =>
        role == AuthRole.Proxy ? "Proxy-Authentication-Info" : "Authentication-Info";
}
