using System.Net;
using Microsoft.Extensions.Time.Testing;
using Switchboard.Auth;
using Switchboard.Contracts.Sip;
using Switchboard.Proxy.Metrics;
using Switchboard.Proxy.Security;
using Switchboard.Proxy.Tests.Doubles;
using Switchboard.Sip;

namespace Switchboard.Proxy.Tests.Media;

/// <summary>
/// A proxy with a recording media relay. The LAN is 10.0.0.0/8; carol calls from 10.0.0.7 (LAN). bob is registered
/// at <paramref name="bobContact"/>. Sources in the LAN and 203.0.113.0/24 are trusted (no challenges).
/// </summary>
internal sealed class MediaHarness
{
    private SipProxy? _proxy;

    public MediaHarness(string bobContact = "sip:bob@203.0.113.20:5070", Action<ProxyOptions>? configure = null)
    {
        Options = new ProxyOptions
        {
            AdvertisedHost = "192.0.2.1",
            ServerNames = ["proxy.example.com"],
            TrustedNetworks = ["10.0.0.0/8", "203.0.113.0/24"],
        };
        Options.Media.LanNetworks = ["10.0.0.0/8"];
        configure?.Invoke(Options);
        Router.AddAccount("bob");
        Registrar.Add("sip:bob@example.com", bobContact);
    }

    public static SipFlow Carol { get; } = ProxyHarness.Udp("10.0.0.7", 5060);

    public ProxyOptions Options { get; }

    public RecordingMediaRelayControl Relay { get; } = new();

    public RecordingProxyTransport Transport { get; } = new();

    public RecordingRouter Router { get; } = new();

    public RecordingRegistrar Registrar { get; } = new();

    public RecordingLocator Locator { get; } = new();

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));

    public SipProxy Proxy => _proxy ??= new SipProxy(
        Options, Transport, Router, Registrar,
        new SipProxyAuthenticator(new SipAuthenticator(new AuthenticationOptions(), new RecordingCredentialStore(), Time)),
        null, new ProxyMetrics(Prometheus.Metrics.WithCustomRegistry(Prometheus.Metrics.NewCustomRegistry())), Time, Locator,
        null, Relay);

    public async Task<(ProxyOutcome Outcome, RecordingServerTransaction Upstream)> SendAsync(string text, SipFlow? source = null)
    {
        var upstream = new RecordingServerTransaction();
        SipMessage message = TestMessages.Parse(text);
        ProxyOutcome outcome = await Proxy.HandleAsync(new ProxyRequest(message, source ?? Carol, message.Method == SipMethod.Ack ? null : upstream));
        return (outcome, upstream);
    }

    /// <summary>The request forwarded last with <paramref name="method"/> (a transaction, or stateless for ACK).</summary>
    public SipMessage Forwarded(SipMethod method) => method == SipMethod.Ack
        ? Transport.Stateless.Last(s => s.Message.Method == method).Message
        : Transport.Requests(method)[^1].Message;

    public static IPEndPoint EndPoint(string address, int port) => new(IPAddress.Parse(address), port);
}
