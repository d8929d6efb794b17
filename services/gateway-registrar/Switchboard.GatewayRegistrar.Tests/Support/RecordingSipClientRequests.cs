using System.Globalization;
using Microsoft.Extensions.Time.Testing;
using Switchboard.Auth;
using Switchboard.Auth.Digest;
using Switchboard.Contracts.Gateway;

namespace Switchboard.GatewayRegistrar.Tests.Support;

/// <summary>
/// Records every client request and answers like a SIP provider's registrar: Digest challenges checked by the real
/// server-side <see cref="DigestAuthenticator"/>, 423 below <see cref="MinExpires"/>, expiry capped at
/// <see cref="MaxExpires"/> and returned in the Contact. Scripted answers (timeouts, 503…) are played first.
/// </summary>
internal sealed class RecordingSipClientRequests : ISipClientRequests
{
    private readonly Lock _lock = new();
    private readonly List<SipClientRequest> _requests = [];
    private readonly Queue<Func<SipClientRequest, SipClientResponse>> _script = new();
    private readonly DigestAuthenticator? _authenticator;
    private readonly SemaphoreSlim _arrived = new(0);

    public RecordingSipClientRequests(string realm = "provider.test", string user = "trunk", string password = "trunkpw",
        IEnumerable<DigestAlgorithm>? algorithms = null, bool proxyAuth = false, TimeProvider? time = null)
    {
        Realm = realm;
        ProxyAuth = proxyAuth;
        if (algorithms is not null)
        {
            var options = new AuthenticationOptions { DigestAlgorithms = algorithms.ToList() };
            _authenticator = new DigestAuthenticator(options, new PasswordStore(user, password), time ?? new FakeTimeProvider(DateTimeOffset.UtcNow));
        }
    }

    public string Realm { get; }

    public bool ProxyAuth { get; }

    public int? MinExpires { get; set; }

    public int MaxExpires { get; set; } = 3600;

    /// <summary>Put the granted expiry in the Contact (true) or only in an Expires header (false).</summary>
    public bool ExpiresInContact { get; set; } = true;

    public List<AuthVerdict> Verdicts { get; } = [];

    public IReadOnlyList<SipClientRequest> Requests
    {
        get
        {
            lock (_lock)
            {
                return [.. _requests];
            }
        }
    }

    public RecordingSipClientRequests Then(Func<SipClientRequest, SipClientResponse> answer)
    {
        lock (_lock)
        {
            _script.Enqueue(answer);
        }

        return this;
    }

    public RecordingSipClientRequests ThenTimeout() => Then(_ => SipClientResponse.TimedOut());

    public RecordingSipClientRequests ThenStatus(int status, string reason, params SipHeaderField[] headers) =>
        Then(_ => SipClientResponse.Final(status, reason, headers));

    /// <summary>Waits (bounded) until at least <paramref name="count"/> requests were sent.</summary>
    public async Task<bool> WaitForAsync(int count, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (Requests.Count < count)
        {
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero || !await _arrived.WaitAsync(left))
            {
                return Requests.Count >= count;
            }
        }

        return true;
    }

    public async ValueTask<SipClientResponse> SendAsync(SipClientRequest request, CancellationToken cancellationToken = default)
    {
        Func<SipClientRequest, SipClientResponse>? scripted;
        lock (_lock)
        {
            _requests.Add(request);
            _script.TryDequeue(out scripted);
        }

        try
        {
            return scripted?.Invoke(request) ?? await ProviderAsync(request, cancellationToken);
        }
        finally
        {
            _arrived.Release();
        }
    }

    private async Task<SipClientResponse> ProviderAsync(SipClientRequest request, CancellationToken cancellationToken)
    {
        if (_authenticator is not null)
        {
            var values = Values(request, ProxyAuth ? "Proxy-Authorization" : "Authorization").ToList();
            var verdict = await _authenticator.VerifyAsync(values, request.Method, request.RequestUri, ReadOnlyMemory<byte>.Empty, Realm, cancellationToken);
            lock (_lock)
            {
                Verdicts.Add(verdict);
            }

            if (!verdict.IsOk)
            {
                var challenges = _authenticator.CreateChallenges(Realm, stale: verdict.Kind == AuthVerdictKind.Stale);
                var name = ProxyAuth ? "Proxy-Authenticate" : "WWW-Authenticate";
                return SipClientResponse.Final(ProxyAuth ? 407 : 401, ProxyAuth ? "Proxy Authentication Required" : "Unauthorized",
                    challenges.Select(c => new SipHeaderField(name, c)).ToArray());
            }
        }

        var expires = int.Parse(Values(request, "Expires").Single(), CultureInfo.InvariantCulture);
        if (expires > 0 && MinExpires is { } minimum && expires < minimum)
        {
            return SipClientResponse.Final(423, "Interval Too Brief", [new("Min-Expires", minimum.ToString(CultureInfo.InvariantCulture))]);
        }

        var granted = Math.Min(expires, MaxExpires);
        var contact = Values(request, "Contact").Single();
        SipHeaderField[] headers = ExpiresInContact
            ? [new("Contact", "<sip:other@192.0.2.9>;expires=999"), new("Contact", $"{contact};expires={granted}")]
            : [new("Contact", contact), new("Contact", "<sip:other@192.0.2.9>"), new("Expires", granted.ToString(CultureInfo.InvariantCulture))];
        return SipClientResponse.Final(200, "OK", expires == 0 ? [] : headers);
    }

    public static IEnumerable<string> Values(SipClientRequest request, string name) =>
        request.Headers.Where(h => h.Name.Equals(name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value);
}
