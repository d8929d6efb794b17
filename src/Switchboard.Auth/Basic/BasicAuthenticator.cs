using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Switchboard.Auth.Digest;
using Switchboard.Auth.Parsing;

namespace Switchboard.Auth.Basic;

/// <summary>
/// Basic authentication (RFC 7617), off unless <see cref="AuthenticationOptions.AllowBasic"/>. The password
/// is checked against the account's Digest HA1 for the realm, so Basic needs no stored form of its own.
/// </summary>
public sealed class BasicAuthenticator
{
    private readonly AuthenticationOptions _options;
    private readonly IDigestCredentialStore _store;

    public BasicAuthenticator(IOptions<AuthenticationOptions> options, IDigestCredentialStore store)
        : this(options.Value, store)
    {
    }

    public BasicAuthenticator(AuthenticationOptions options, IDigestCredentialStore store)
    {
        _options = options;
        _store = store;
    }

    /// <summary>The Basic challenge, or null when Basic is off (or would be refused on this transport).</summary>
    public string? CreateChallenge(string realm, bool transportIsSecure) =>
        _options.AllowBasic && (transportIsSecure || !_options.BasicRequiresTls)
            ? new AuthHeaderWriter("Basic").Quoted("realm", realm).ToString()
            : null;

    /// <param name="transportIsSecure">True when the request came over TLS (or WSS); the caller knows, we do not.</param>
    public async ValueTask<AuthVerdict> VerifyAsync(AuthHeader header, string realm, bool transportIsSecure, CancellationToken cancellationToken = default)
    {
        if (!header.IsScheme("Basic"))
        {
            return AuthVerdict.NoCredentials();
        }

        if (!_options.AllowBasic)
        {
            return AuthVerdict.Unauthorized("Basic is not enabled");
        }

        if (_options.BasicRequiresTls && !transportIsSecure)
        {
            return AuthVerdict.Unauthorized("Basic refused on a transport that is not TLS");
        }

        if (!BasicCredentials.TryParse(header, out var credentials, out var error))
        {
            return AuthVerdict.Unauthorized(error);
        }

        foreach (var algorithm in _options.DigestAlgorithms.Select(a => a.Base()).Distinct())
        {
            var stored = await _store.GetHa1Async(credentials.User, realm, algorithm, cancellationToken).ConfigureAwait(false);
            if (stored is null)
            {
                continue;
            }

            var given = DigestHa1.Compute(algorithm, credentials.User, realm, credentials.Password);
            return CryptographicOperations.FixedTimeEquals(given, stored)
                ? AuthVerdict.Ok(credentials.User)
                : AuthVerdict.Unauthorized("wrong password", credentials.User);
        }

        return AuthVerdict.Unauthorized("unknown user", credentials.User);
    }
}
