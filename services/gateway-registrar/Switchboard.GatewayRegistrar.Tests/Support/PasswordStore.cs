using Switchboard.Auth.Digest;

namespace Switchboard.GatewayRegistrar.Tests.Support;

/// <summary>The provider's accounts for the server-side DigestAuthenticator: HA1 from user, realm, password.</summary>
internal sealed class PasswordStore(string user, string password) : IDigestCredentialStore
{
    public ValueTask<byte[]?> GetHa1Async(string user1, string realm, DigestAlgorithm algorithm, CancellationToken cancellationToken) =>
        ValueTask.FromResult(user1 == user ? DigestHa1.Compute(algorithm, user, realm, password) : null);
}
