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
}
