using Switchboard.Auth.Digest;
using Switchboard.Contracts.Gateway;

namespace Switchboard.GatewayRegistrar.Registration;

/// <summary>The challenge last received from the gateway and the header the answer goes in.</summary>
internal sealed record GatewayChallenge(string Value, string CredentialsHeader, bool Stale)
{
    /// <summary>The strongest Digest challenge of a 401 (WWW-Authenticate) or 407 (Proxy-Authenticate), or null.</summary>
    public static GatewayChallenge? From(SipClientResponse response)
    {
        var (challengeHeader, credentialsHeader) = response.StatusCode == 407
            ? ("Proxy-Authenticate", "Proxy-Authorization")
            : ("WWW-Authenticate", "Authorization");
        var selected = DigestClient.SelectChallenge(response.GetValues(challengeHeader));
        return selected is null ? null : new GatewayChallenge(selected, credentialsHeader, IsStale(selected));
    }

    private static bool IsStale(string challenge) =>
        challenge.Contains("stale=true", StringComparison.OrdinalIgnoreCase)
        || challenge.Contains("stale=\"true\"", StringComparison.OrdinalIgnoreCase);
}
