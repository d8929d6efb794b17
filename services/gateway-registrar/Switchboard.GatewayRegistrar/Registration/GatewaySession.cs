using Switchboard.Auth.Digest;
using Switchboard.Contracts.Gateway;
using Switchboard.GatewayRegistrar.Gateways;
using Switchboard.GatewayRegistrar.Locating;

namespace Switchboard.GatewayRegistrar.Registration;

/// <summary>
/// One gateway's UAC state for one loop: Call-ID and From tag (stable, RFC 3261 §10.2), the CSeq counter, the Digest
/// client (nc per nonce) and the last challenge, reused on refreshes so a refresh usually costs one round trip.
/// Used by one loop at a time (not thread-safe).
/// </summary>
internal sealed class GatewaySession
{
    // Challenge rounds, 423 rounds and the first request: bounded so a misbehaving gateway cannot loop us.
    private const int MaxRequestsPerAttempt = 6;

    private readonly GatewaySettings _settings;
    private readonly GatewayAddress _address;
    private readonly ISipClientRequests _client;
    private readonly IGatewayLocator _locator;
    private readonly DigestClient _digest;
    private uint _cseq;
    private GatewayChallenge? _challenge;
    private SipClientDestination? _answered;

    public GatewaySession(GatewaySettings settings, GatewayAddress address, string contactUri, string userAgent,
        ISipClientRequests client, IGatewayLocator locator)
    {
        _settings = settings;
        _address = address;
        _client = client;
        _locator = locator;
        _digest = new DigestClient(settings.Username, settings.Password);
        Requests = new RegisterRequestFactory(address, settings.Username, contactUri, userAgent);
        Expires = settings.RegisterEverySeconds;
    }

    public RegisterRequestFactory Requests { get; }

    /// <summary>The expiry asked for; raised by a 423's Min-Expires and kept for later refreshes.</summary>
    public int Expires { get; private set; }

    public Task<RegistrationAttempt> RegisterAsync(CancellationToken cancellationToken) => RunAsync(unregister: false, cancellationToken);

    public Task<RegistrationAttempt> UnregisterAsync(CancellationToken cancellationToken) => RunAsync(unregister: true, cancellationToken);

    private async Task<RegistrationAttempt> RunAsync(bool unregister, CancellationToken cancellationToken)
    {
        var destinations = await _locator.LocateAsync(_address, cancellationToken).ConfigureAwait(false);
        if (destinations.Count == 0)
        {
            return RegistrationAttempt.Failure(503, $"no address for {_address.Host}");
        }

        var challengedNow = false;
        for (var round = 0; round < MaxRequestsPerAttempt; round++)
        {
            var expires = unregister ? 0 : Expires;
            var response = await SendAsync(expires, destinations, cancellationToken).ConfigureAwait(false);
            if (response.Outcome != SipClientOutcome.Response)
            {
                return RegistrationAttempt.Failure(response.StatusCode, response.Reason);
            }

            switch (response.StatusCode)
            {
                case >= 200 and < 300:
                    return Success(response, expires);
                case 401 or 407:
                    var challenge = GatewayChallenge.From(response);
                    // A fresh challenge right after answering one means the credentials are wrong, unless the nonce went stale.
                    if (challenge is null || (challengedNow && !challenge.Stale))
                    {
                        _challenge = null;
                        return RegistrationAttempt.Failure(response.StatusCode, challenge is null ? "no usable Digest challenge" : $"{response.Reason} (credentials refused)");
                    }

                    _challenge = challenge;
                    challengedNow = true;
                    continue;
                case 423 when !unregister && RegisterResponseReader.MinExpires(response) is { } minimum && minimum > Expires:
                    Expires = minimum;
                    continue;
                default:
                    return RegistrationAttempt.Failure(response.StatusCode, response.Reason, RegisterResponseReader.RetryAfter(response));
            }
        }

        return RegistrationAttempt.Failure(500, "too many challenge or 423 rounds");
    }

    private RegistrationAttempt Success(SipClientResponse response, int requested)
    {
        if (requested == 0)
        {
            return RegistrationAttempt.Success(response.StatusCode, response.Reason, TimeSpan.Zero);
        }

        var granted = RegisterResponseReader.GrantedExpiry(response, Requests.ContactUri, requested);
        return granted > TimeSpan.Zero
            ? RegistrationAttempt.Success(response.StatusCode, response.Reason, granted)
            : RegistrationAttempt.Failure(response.StatusCode, "the gateway did not keep the binding");
    }

    /// <summary>
    /// Tries the located next hops in order, the one that answered last time first (a challenge's nonce belongs to
    /// the server that issued it); the first that answers decides.
    /// </summary>
    private async Task<SipClientResponse> SendAsync(int expires, IReadOnlyList<SipClientDestination> destinations, CancellationToken cancellationToken)
    {
        SipClientResponse? last = null;
        foreach (var destination in destinations.OrderBy(d => d == _answered ? 0 : 1))
        {
            var request = Requests.Create(++_cseq, expires, Credentials(), destination);
            last = await _client.SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (last.Outcome == SipClientOutcome.Response)
            {
                _answered = destination;
                return last;
            }
        }

        return last!;
    }

    private SipHeaderField? Credentials()
    {
        if (_challenge is null)
        {
            return null;
        }

        return _digest.TryCreateAuthorization(_challenge.Value, "REGISTER", Requests.RequestUri, ReadOnlySpan<byte>.Empty, out var authorization, out _)
            ? new SipHeaderField(_challenge.CredentialsHeader, authorization)
            : null;
    }
}
