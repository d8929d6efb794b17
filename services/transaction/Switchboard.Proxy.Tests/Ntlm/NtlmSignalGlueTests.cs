using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Prometheus;
using Switchboard.Auth.Digest;
using Switchboard.Auth.Ntlm;
using Switchboard.Contracts.Registrar;
using Switchboard.Contracts.Routing;
using Switchboard.Contracts.Sip;
using Switchboard.Proxy.Tests.Doubles;
using Switchboard.Signal;
using Switchboard.Sip;

namespace Switchboard.Proxy.Tests.Ntlm;

/// <summary>
/// The NTLM proxy exchange inside the real server core and container (AddSwitchboardSignal with the registrar's
/// "advertise NTLM" switch, NT hashes from the account look-up), with only the edge recorded.
/// </summary>
public sealed class NtlmSignalGlueTests : IAsyncDisposable
{
    private const string Realm = "SIP Communications Service";
    private const string Target = "sip.example.com";
    private static readonly SipFlow CallerFlow = ProxyHarness.Udp("198.51.100.7", 5060);
    private static readonly SipFlow CalleeFlow = ProxyHarness.Udp("203.0.113.20", 5070);
    private readonly ServiceProvider _provider;
    private readonly RecordingSipSender _sender = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));

    public NtlmSignalGlueTests()
    {
        var services = new ServiceCollection();
        services.AddSingleton<ISipSender>(_sender);
        services.AddSingleton<TimeProvider>(_time);
        services.AddSingleton<ICredentialLookup>(new AliceOnly());
        services.AddSingleton<IAddressResolutionService>(new RecordingRouter().AddAccount("bob").AddAccount("alice"));
        services.AddSingleton<IRegistrarService>(new RecordingRegistrar().Add("sip:bob@example.com", "sip:bob@203.0.113.20:5070"));
        services.AddSingleton<IMetricFactory>(Prometheus.Metrics.WithCustomRegistry(Prometheus.Metrics.NewCustomRegistry()));
        services.AddSwitchboardSignal(
            o => (o.ServerNames, o.AdvertiseNtlm, o.NtlmTargetName) = (["192.0.2.1"], true, Target),
            t => { t.Server.Processors = 0; t.Client.Processors = 0; },
            p => p.AdvertisedHost = "192.0.2.1");
        _provider = services.BuildServiceProvider();
    }

    [Fact]
    public void A_call_authenticated_with_ntlm_is_forwarded_and_its_answer_is_signed_on_the_wire()
    {
        var client = new NtlmSipClient("alice", "example.com", "secret", Realm, Target);
        Receive(Invite("z9hG4bK-g1"));
        Assert.Contains(Challenges(), v => v.StartsWith("NTLM realm=", StringComparison.Ordinal));

        Receive(Invite("z9hG4bK-g2", client.NegotiateHeader()));
        string challenge = Assert.Single(Challenges());

        Receive(Invite("z9hG4bK-g3", client.AuthenticateHeader(challenge, Signed())));
        var (invite, _) = Assert.Single(_sender.Take(), s => s.Message.IsRequest);
        Receive(TestMessages.Response(invite, 200, "bob1"), CalleeFlow);

        var (ok, _) = Assert.Single(_sender.Take(), s => s.Message.StatusCode == 200);
        Assert.True(ok.TryGetHeader("Proxy-Authentication-Info"u8, out SipHeader header));
        var info = NtlmSipClient.Parse(Encoding.UTF8.GetString(ok.GetValue(header)));
        var fields = Signed() with { ToTag = "bob1", StatusCode = 200 };
        Assert.Equal(client.ExpectedRspauth(fields, info.Get("srand")!, info.Get("snum")!), info.Get("rspauth"));
    }

    private static SipSignatureFields Signed() => new("glue-1", "1", "INVITE", "sip:alice@example.com", "c1", "sip:bob@example.com", "");

    private static string Invite(string branch, string? authorization = null) => TestMessages.Invite(
        from: "sip:alice@example.com", branch: branch, callId: "glue-1",
        extra: authorization is null ? "" : $"Proxy-Authorization: {authorization}\n");

    private List<string> Challenges()
    {
        var (response, _) = Assert.Single(_sender.Take(), s => s.Message.StatusCode == 407);
        return TestMessages.Values(response, HeaderKind.ProxyAuthenticate);
    }

    private void Receive(string text, SipFlow? flow = null) => Receive(Encoding.UTF8.GetBytes(TestMessages.Crlf(text)), flow);

    private void Receive(byte[] bytes, SipFlow? flow = null) =>
        _provider.GetRequiredService<ISipMessageSink>().OnMessage(new ReceivedMessage(bytes, flow ?? CallerFlow, _time.GetUtcNow()));

    public async ValueTask DisposeAsync() => await _provider.DisposeAsync();

    /// <summary>alice@example.com with password "secret" (HA1s and NT hash as the router stores them, lower-case hex).</summary>
    private sealed class AliceOnly : ICredentialLookup
    {
        public ValueTask<AccountCredentials?> FindAsync(string user, string domain, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(user.Equals("alice", StringComparison.OrdinalIgnoreCase) && domain == "example.com"
                ? new AccountCredentials(
                    "alice", "example.com", Hex(DigestHa1.Compute(DigestAlgorithm.Md5, "alice", "example.com", "secret")),
                    Hex(DigestHa1.Compute(DigestAlgorithm.Sha256, "alice", "example.com", "secret")), Hex(NtlmCrypto.NtHash("secret")))
                : null);

        private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);
    }
}
