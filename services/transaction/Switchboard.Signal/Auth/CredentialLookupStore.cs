using Switchboard.Auth.Digest;
using Switchboard.Auth.Ntlm;
using Switchboard.Contracts.Routing;

namespace Switchboard.Signal.Auth;

/// <summary>
/// Secrets from the router's accounts: Digest HA1 for realm = the account's domain, and the NT hash for NTLM, whose
/// domain is taken as the account's SIP domain (a client signs in as <c>example.com\alice</c>). Both kept as
/// lower-case hex there.
/// </summary>
public sealed class CredentialLookupStore : IDigestCredentialStore, INtlmCredentialStore
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
        return FromHex(account?.Ha1For(algorithm.Base().ToWire()));
    }

    public async ValueTask<byte[]?> GetNtHashAsync(string user, string domain, CancellationToken cancellationToken)
    {
        AccountCredentials? account = await _lookup.FindAsync(user, domain.ToLowerInvariant(), cancellationToken).ConfigureAwait(false);
        return FromHex(account?.NtHash);
    }

    private static byte[]? FromHex(string? hex)
    {
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
