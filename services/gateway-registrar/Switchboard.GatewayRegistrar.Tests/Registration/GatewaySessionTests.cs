using Switchboard.Auth;
using Switchboard.Auth.Digest;
using Switchboard.Contracts.Gateway;
using Switchboard.Contracts.Sip;
using Switchboard.GatewayRegistrar.Locating;
using Switchboard.GatewayRegistrar.Tests.Support;
using static Switchboard.GatewayRegistrar.Tests.Support.RecordingSipClientRequests;

namespace Switchboard.GatewayRegistrar.Tests.Registration;

public sealed class GatewaySessionTests
{
    [Theory]
    [InlineData(DigestAlgorithm.Md5, "MD5")]
    [InlineData(DigestAlgorithm.Sha256, "SHA-256")]
    public async Task Answers_the_challenge_with_credentials_the_provider_accepts(DigestAlgorithm algorithm, string wire)
    {
        var harness = new LoopHarness(new RecordingSipClientRequests(algorithms: [algorithm]));
        var attempt = await harness.Session().RegisterAsync(CancellationToken.None);

        Assert.True(attempt.Registered, attempt.Reason);
        Assert.Equal(2, harness.Client.Requests.Count);
        Assert.Equal([AuthVerdictKind.NoCredentials, AuthVerdictKind.Ok], harness.Client.Verdicts.Select(v => v.Kind));
        var authorization = Values(harness.Client.Requests[1], "Authorization").Single();
        Assert.Contains($"algorithm={wire}", authorization);
        Assert.Contains("qop=auth", authorization);
        Assert.Contains("nc=00000001", authorization);
        Assert.Contains("username=\"trunk\"", authorization);
    }

    [Fact]
    public async Task Prefers_sha256_when_both_are_offered()
    {
        var harness = new LoopHarness(new RecordingSipClientRequests(algorithms: [DigestAlgorithm.Md5, DigestAlgorithm.Sha256]));
        Assert.True((await harness.Session().RegisterAsync(CancellationToken.None)).Registered);
        Assert.Contains("algorithm=SHA-256", Values(harness.Client.Requests[1], "Authorization").Single());
    }

    [Fact]
    public async Task Answers_407_with_proxy_authorization()
    {
        var harness = new LoopHarness(new RecordingSipClientRequests(algorithms: [DigestAlgorithm.Md5], proxyAuth: true));
        var attempt = await harness.Session().RegisterAsync(CancellationToken.None);

        Assert.True(attempt.Registered, attempt.Reason);
        Assert.Single(Values(harness.Client.Requests[1], "Proxy-Authorization"));
        Assert.Empty(Values(harness.Client.Requests[1], "Authorization"));
    }

    [Fact]
    public async Task Writes_the_register_fields_of_rfc3261_section_10_2()
    {
        var harness = new LoopHarness();
        var session = harness.Session();
        await session.RegisterAsync(CancellationToken.None);
        await session.RegisterAsync(CancellationToken.None);

        var requests = harness.Client.Requests;
        Assert.All(requests, r =>
        {
            Assert.Equal("REGISTER", r.Method);
            Assert.Equal("sip:127.0.0.1:5090", r.RequestUri);
            Assert.Equal(new SipClientDestination("127.0.0.1", 5090, SipTransport.Udp), r.Destination);
            Assert.StartsWith("<sip:trunk@127.0.0.1:5090>;tag=", Values(r, "From").Single());
            Assert.Equal("<sip:trunk@127.0.0.1:5090>", Values(r, "To").Single());
            Assert.Equal($"<{LoopHarness.Contact}>", Values(r, "Contact").Single());
            Assert.Equal("3600", Values(r, "Expires").Single());
        });
        Assert.Single(requests.Select(r => Values(r, "Call-ID").Single()).Distinct());
        Assert.Single(requests.Select(r => Values(r, "From").Single()).Distinct());
        Assert.Equal(["1 REGISTER", "2 REGISTER", "3 REGISTER"], requests.Select(r => Values(r, "CSeq").Single()));
    }

    [Fact]
    public async Task A_refresh_reuses_the_last_challenge_so_it_costs_one_request()
    {
        var harness = new LoopHarness();
        var session = harness.Session();
        await session.RegisterAsync(CancellationToken.None);
        var refresh = await session.RegisterAsync(CancellationToken.None);

        Assert.True(refresh.Registered);
        Assert.Equal(3, harness.Client.Requests.Count);
        Assert.Contains("nc=00000002", Values(harness.Client.Requests[2], "Authorization").Single());
        Assert.Equal(AuthVerdictKind.Ok, harness.Client.Verdicts[2].Kind);
    }

    [Fact]
    public async Task A_stale_nonce_on_refresh_is_answered_with_the_new_challenge()
    {
        var harness = new LoopHarness();
        var session = harness.Session();
        await session.RegisterAsync(CancellationToken.None);
        harness.Time.Advance(TimeSpan.FromMinutes(6)); // past the provider's 5 min nonce lifetime

        var refresh = await session.RegisterAsync(CancellationToken.None);

        Assert.True(refresh.Registered, refresh.Reason);
        Assert.Equal([AuthVerdictKind.NoCredentials, AuthVerdictKind.Ok, AuthVerdictKind.Stale, AuthVerdictKind.Ok], harness.Client.Verdicts.Select(v => v.Kind));
        Assert.Contains("nc=00000001", Values(harness.Client.Requests[3], "Authorization").Single());
    }

    [Fact]
    public async Task Wrong_password_fails_after_one_answered_challenge()
    {
        var harness = new LoopHarness(new RecordingSipClientRequests(password: "other", algorithms: [DigestAlgorithm.Md5]));
        var attempt = await harness.Session().RegisterAsync(CancellationToken.None);

        Assert.False(attempt.Registered);
        Assert.Equal(401, attempt.StatusCode);
        Assert.Equal(2, harness.Client.Requests.Count);
    }

    [Fact]
    public async Task A_401_without_a_digest_challenge_fails_at_once()
    {
        var harness = new LoopHarness();
        harness.Client.ThenStatus(401, "Unauthorized", new SipHeaderField("WWW-Authenticate", "Basic realm=\"x\""));
        var attempt = await harness.Session().RegisterAsync(CancellationToken.None);

        Assert.False(attempt.Registered);
        Assert.Equal("no usable Digest challenge", attempt.Reason);
        Assert.Single(harness.Client.Requests);
    }

    [Fact]
    public async Task Interval_too_brief_raises_expires_to_min_expires_and_retries_at_once()
    {
        var harness = new LoopHarness();
        harness.Client.MinExpires = 7200;
        var session = harness.Session();
        var attempt = await session.RegisterAsync(CancellationToken.None);

        Assert.True(attempt.Registered, attempt.Reason);
        Assert.Equal(TimeSpan.FromSeconds(3600), attempt.Granted); // the provider caps at MaxExpires
        Assert.Equal(["3600", "3600", "7200"], harness.Client.Requests.Select(r => Values(r, "Expires").Single()));
        Assert.Equal(7200, session.Expires);
    }

    [Fact]
    public async Task A_423_without_a_higher_min_expires_is_a_failure()
    {
        var harness = new LoopHarness();
        harness.Client.ThenStatus(423, "Interval Too Brief", new SipHeaderField("Min-Expires", "60"));
        var attempt = await harness.Session().RegisterAsync(CancellationToken.None);

        Assert.False(attempt.Registered);
        Assert.Equal(423, attempt.StatusCode);
        Assert.Single(harness.Client.Requests);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Takes_the_shorter_granted_expiry_from_contact_or_expires(bool inContact)
    {
        var harness = new LoopHarness();
        harness.Client.MaxExpires = 120;
        harness.Client.ExpiresInContact = inContact;
        var attempt = await harness.Session().RegisterAsync(CancellationToken.None);

        Assert.Equal(TimeSpan.FromSeconds(120), attempt.Granted);
    }

    [Fact]
    public async Task Timeouts_and_transport_failures_are_failures_with_408_and_503()
    {
        var harness = new LoopHarness();
        harness.Client.ThenTimeout().Then(_ => SipClientResponse.Failed("connection refused"));
        var session = harness.Session();

        var first = await session.RegisterAsync(CancellationToken.None);
        var second = await session.RegisterAsync(CancellationToken.None);

        Assert.Equal((false, 408), (first.Registered, first.StatusCode));
        Assert.Equal((false, 503, "connection refused"), (second.Registered, second.StatusCode, second.Reason));
    }

    [Fact]
    public async Task A_failing_next_hop_is_followed_by_the_next_located_one()
    {
        var harness = new LoopHarness();
        harness.Client.ThenTimeout();
        var locator = new AddressGatewayLocator((_, _) => Task.FromResult(new[] { System.Net.IPAddress.Parse("192.0.2.1"), System.Net.IPAddress.Parse("192.0.2.2") }));
        var attempt = await harness.Session(LoopHarness.Trunk(domain: "sip.provider.test"), locator).RegisterAsync(CancellationToken.None);

        Assert.True(attempt.Registered, attempt.Reason);
        Assert.Equal(["192.0.2.1", "192.0.2.2", "192.0.2.2"], harness.Client.Requests.Select(r => r.Destination.Host));
        Assert.All(harness.Client.Requests, r => Assert.Equal(5060, r.Destination.Port));
    }

    [Fact]
    public async Task An_unresolvable_domain_fails_without_sending()
    {
        var harness = new LoopHarness();
        var locator = new AddressGatewayLocator((_, _) => Task.FromResult(Array.Empty<System.Net.IPAddress>()));
        var attempt = await harness.Session(LoopHarness.Trunk(domain: "nowhere.test"), locator).RegisterAsync(CancellationToken.None);

        Assert.Equal((false, 503), (attempt.Registered, attempt.StatusCode));
        Assert.Empty(harness.Client.Requests);
    }

    [Fact]
    public async Task Unregister_sends_expires_zero_for_our_contact_with_credentials()
    {
        var harness = new LoopHarness();
        var session = harness.Session();
        await session.RegisterAsync(CancellationToken.None);
        var result = await session.UnregisterAsync(CancellationToken.None);

        Assert.True(result.Registered);
        var last = harness.Client.Requests[^1];
        Assert.Equal("0", Values(last, "Expires").Single());
        Assert.Equal($"<{LoopHarness.Contact}>", Values(last, "Contact").Single());
        Assert.Equal(AuthVerdictKind.Ok, harness.Client.Verdicts[^1].Kind);
    }
}
