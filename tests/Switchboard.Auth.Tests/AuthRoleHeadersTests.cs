namespace Switchboard.Auth.Tests;

public class AuthRoleHeadersTests
{
    [Fact]
    public void Registrar_uses_401_and_www_authenticate()
    {
        Assert.Equal(401, AuthRoleHeaders.ChallengeStatus(AuthRole.Registrar));
        Assert.Equal("WWW-Authenticate", AuthRoleHeaders.ChallengeHeader(AuthRole.Registrar));
        Assert.Equal("Authorization", AuthRoleHeaders.CredentialsHeader(AuthRole.Registrar));
        Assert.Equal("Unauthorized", AuthRoleHeaders.ChallengeReason(AuthRole.Registrar));
    }

    [Fact]
    public void Proxy_uses_407_and_proxy_authenticate()
    {
        Assert.Equal(407, AuthRoleHeaders.ChallengeStatus(AuthRole.Proxy));
        Assert.Equal("Proxy-Authenticate", AuthRoleHeaders.ChallengeHeader(AuthRole.Proxy));
        Assert.Equal("Proxy-Authorization", AuthRoleHeaders.CredentialsHeader(AuthRole.Proxy));
        Assert.Equal("Proxy Authentication Required", AuthRoleHeaders.ChallengeReason(AuthRole.Proxy));
    }
}
