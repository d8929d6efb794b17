using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Prometheus;
using Switchboard.Contracts.Registrar;
using Switchboard.Contracts.Routing;
using Switchboard.Contracts.Sip;
using Switchboard.Proxy.Tests.Doubles;
using Switchboard.Signal;
using Switchboard.Signal.Handlers;
using Switchboard.Signal.Proxying;
using Switchboard.Sip;

namespace Switchboard.Proxy.Tests;

/// <summary>
/// The proxy inside the real server core (real transactions, the container from AddSwitchboardSignal), with only
/// the edge recorded: what goes on the wire for a call, a CANCEL, an ACK and a late 2xx.
/// </summary>
public sealed class SignalGlueTests : IAsyncDisposable
{
    private static readonly SipFlow CallerFlow = ProxyHarness.Udp("198.51.100.7", 5060);
    private readonly ServiceProvider _provider;
    private readonly RecordingSipSender _sender = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));

    public SignalGlueTests()
    {
        var router = new RecordingRouter().AddAccount("bob");
        var registrar = new RecordingRegistrar().Add("sip:bob@example.com", "sip:bob@203.0.113.20:5070");
        var services = new ServiceCollection();
        services.AddSingleton<ISipSender>(_sender);
        services.AddSingleton<TimeProvider>(_time);
        services.AddSingleton<ICredentialLookup>(new NoAccounts());
        services.AddSingleton<IAddressResolutionService>(router);
        services.AddSingleton<IRegistrarService>(registrar);
        services.AddSingleton<IMetricFactory>(Prometheus.Metrics.WithCustomRegistry(Prometheus.Metrics.NewCustomRegistry()));
        services.AddSwitchboardSignal(
            o => o.ServerNames = ["192.0.2.1"],
            t => { t.Server.Processors = 0; t.Client.Processors = 0; },
            p => { p.AdvertisedHost = "192.0.2.1"; p.ForceRelaying = true; });
        _provider = services.BuildServiceProvider();
    }

    private ISipMessageSink Sink => _provider.GetRequiredService<ISipMessageSink>();

    [Fact]
    public void The_proxy_replaces_the_fallback_handler_and_owns_stray_responses()
    {
        var chain = _provider.GetRequiredService<SipRequestHandlerChain>();

        Assert.IsType<ProxyRequestHandler>(chain.Handlers[^1]);
        Assert.IsType<ProxyStrayResponseHandler>(_provider.GetRequiredService<IStatelessResponseHandler>());
    }

    [Fact]
    public void A_call_is_forwarded_answered_and_acknowledged_end_to_end()
    {
        Receive(TestMessages.Invite());
        var (invite, inviteTarget) = Assert.Single(TakeSent(), s => s.Message.IsRequest);
        Assert.Equal("sip:bob@203.0.113.20:5070", TestMessages.RequestUri(invite));
        Assert.Equal(new IPEndPoint(IPAddress.Parse("203.0.113.20"), 5070), inviteTarget.Destination);
        string recordRoute = Assert.Single(TestMessages.Values(invite, HeaderKind.RecordRoute));

        Receive(TestMessages.Response(invite, 180, "bob1"), CalleeFlow);
        Receive(TestMessages.Response(invite, 200, "bob1", $"Record-Route: {recordRoute}", "Contact: <sip:bob@203.0.113.20:5070>"), CalleeFlow);

        var upstream = TakeSent().Where(s => s.Message.IsResponse && s.Message.StatusCode > 100).ToList();
        Assert.Equal([180, 200], upstream.Select(s => s.Message.StatusCode));
        Assert.All(upstream, s => Assert.Equal(CallerFlow.Remote, s.Target.Flow!.Value.Remote));
        Assert.Equal(["SIP/2.0/UDP 198.51.100.7:5060;branch=z9hG4bK-caller-1"], TestMessages.Values(upstream[1].Message, HeaderKind.Via));

        Receive(TestMessages.Invite("sip:bob@203.0.113.20:5070", method: "ACK", branch: "z9hG4bK-ack-1", toTag: "bob1",
            extra: $"Route: {recordRoute}\n"));

        var (ack, ackTarget) = TakeSent().Single();
        Assert.Equal(SipMethod.Ack, ack.Method);
        Assert.Equal(new IPEndPoint(IPAddress.Parse("203.0.113.20"), 5070), ackTarget.Destination);
        Assert.Empty(TestMessages.Values(ack, HeaderKind.Route));
    }

    [Fact]
    public void A_cancel_is_answered_forwarded_and_the_487_reaches_the_caller()
    {
        Receive(TestMessages.Invite());
        TakeSent();
        SipMessage invite = _sender.LastRequest(SipMethod.Invite);
        Receive(TestMessages.Response(invite, 180, "bob1"), CalleeFlow);
        TakeSent();

        Receive(TestMessages.Invite(method: "CANCEL"));

        var afterCancel = TakeSent();
        Assert.Contains(afterCancel, s => s.Message.IsResponse && s.Message.StatusCode == 200);
        SipMessage cancel = Assert.Single(afterCancel, s => s.Message.Method == SipMethod.Cancel).Message;
        Assert.Equal(TestMessages.Values(invite, HeaderKind.Via)[0], TestMessages.Values(cancel, HeaderKind.Via)[0]);

        Receive(TestMessages.Response(cancel, 200, "bob1"), CalleeFlow);
        Receive(TestMessages.Response(invite, 487, "bob1"), CalleeFlow);

        var final = TakeSent();
        Assert.Contains(final, s => s.Message.Method == SipMethod.Ack); // the client transaction acknowledges the 487
        Assert.Contains(final, s => s.Message.IsResponse && s.Message.StatusCode == 487 && s.Target.Flow!.Value.Remote.Equals(CallerFlow.Remote));
    }

    [Fact]
    public void A_2xx_after_the_client_transaction_ended_is_forwarded_statelessly()
    {
        Receive(TestMessages.Invite());
        TakeSent();
        SipMessage invite = _sender.LastRequest(SipMethod.Invite);
        Receive(TestMessages.Response(invite, 200, "bob1"), CalleeFlow);
        TakeSent();

        _time.Advance(TimeSpan.FromMinutes(1)); // Timer M ends the Accepted client transaction
        Receive(TestMessages.Response(invite, 200, "bob1"), CalleeFlow);

        var (ok, target) = TakeSent().Single();
        Assert.Equal(200, ok.StatusCode);
        Assert.Equal(CallerFlow.Remote, target.Destination);
    }

    private static SipFlow CalleeFlow => ProxyHarness.Udp("203.0.113.20", 5070);

    private void Receive(string text, SipFlow? flow = null) => Receive(Encoding.UTF8.GetBytes(TestMessages.Crlf(text)), flow);

    private void Receive(byte[] bytes, SipFlow? flow = null) =>
        Sink.OnMessage(new ReceivedMessage(bytes, flow ?? CallerFlow, _time.GetUtcNow()));

    private List<(SipMessage Message, SendTarget Target)> TakeSent() => _sender.Take();

    public async ValueTask DisposeAsync() => await _provider.DisposeAsync();

    private sealed class NoAccounts : ICredentialLookup
    {
        public ValueTask<AccountCredentials?> FindAsync(string user, string domain, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult<AccountCredentials?>(null);
    }
}
