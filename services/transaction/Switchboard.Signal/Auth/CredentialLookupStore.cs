using Switchboard.Auth.Digest;
using Switchboard.Contracts.Routing;

namespace Switchboard.Signal.Auth;

/// <summary>Digest secrets from the router's accounts: realm = the account's domain, HA1 kept as lower-case hex there.</summary>
public sealed class CredentialLookupStore : IDigestCredentialStore
{
    private readonly ICredentialLookup _lookup;

    public CredentialLookupStore(ICredentialLookup lookup)
    {
        ArgumentNullException.ThrowIfNull(lookup);
        _lookup = lookup;
    }

    public async ValueTask<byte[]?> GetHa1Async(string user, string realm, DigestAlgorithm algorithm, CancellationToken cancellationToken)
    {
        AccountCredentials? account = await _lookup.FindAsync(user, realm, cancellationToken).ConfigureAwait(false);
        string? hex = account?.Ha1For(algorithm.Base().ToWire());
        if (hex is null || hex.Length % 2 != 0)
        {
            return null;
        }

        try
        {
            return Convert.FromHexString(hex);
        }
        catch (FormatException)
        {
            return null; // a corrupt stored HA1 is no account, not a crash
        }
    }
}
