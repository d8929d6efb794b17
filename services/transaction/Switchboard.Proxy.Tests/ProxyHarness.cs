using System.Net;
using Microsoft.Extensions.Time.Testing;
using Prometheus;
using Switchboard.Auth;
using Switchboard.Contracts.Sip;
using Switchboard.Proxy.Metrics;
using Switchboard.Proxy.Security;
using Switchboard.Proxy.Tests.Doubles;

namespace Switchboard.Proxy.Tests;

/// <summary>A proxy wired to recording doubles: no sockets, a fake clock.</summary>
internal sealed class ProxyHarness
{
    private SipProxy? _proxy;
    private SipAuthenticator? _authenticator;

    public ProxyHarness(Action<ProxyOptions>? configure = null)
    {
        Options = new ProxyOptions { AdvertisedHost = "192.0.2.1", ServerNames = ["proxy.example.com"] };
        configure?.Invoke(Options);
        Metrics = new ProxyMetrics(Prometheus.Metrics.WithCustomRegistry(Prometheus.Metrics.NewCustomRegistry()));
    }

    public static SipFlow Caller { get; } = Udp("198.51.100.7", 5060);

    public ProxyOptions Options { get; }

    public RecordingProxyTransport Transport { get; } = new();

    public RecordingRouter Router { get; } = new();

    public RecordingRegistrar Registrar { get; } = new();

    public RecordingEventPublisher Events { get; } = new();

    public RecordingCredentialStore Credentials { get; } = new();

    public RecordingLocator Locator { get; } = new();

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));

    public ProxyMetrics Metrics { get; }

    /// <summary>The authentication settings (NTLM off by default, as in production); set before the first request.</summary>
    public AuthenticationOptions Authentication { get; } = new();

    /// <summary>The shared authenticator (the registrar role would use the same one in the signal server).</summary>
    public SipAuthenticator Authenticator => _authenticator ??= new SipAuthenticator(Authentication, Credentials, Time, Credentials);

    /// <summary>Address resolution in front of <see cref="Router"/> (gateway tests wrap it); null = the router itself.</summary>
    public Switchboard.Contracts.Routing.IAddressResolutionService? Resolution { get; set; }

    /// <summary>Which sources are gateways; null = none (set before the first request).</summary>
    public IGatewayTrust? GatewayTrust { get; set; }

    public SipProxy Proxy => _proxy ??= new SipProxy(
        Options, Transport, Resolution ?? Router, Registrar,
        new SipProxyAuthenticator(Authenticator),
        Events, Metrics, Time, Locator, gatewayTrust: GatewayTrust);

    public static SipFlow Udp(string ip, int port) =>
        new("edge-1", SipTransport.Udp, new IPEndPoint(IPAddress.Parse("192.0.2.1"), 5060), new IPEndPoint(IPAddress.Parse(ip), port), SipFlow.NoConnection);

    public static SipFlow Tcp(string ip, int port, long connection) =>
        new("edge-1", SipTransport.Tcp, new IPEndPoint(IPAddress.Parse("192.0.2.1"), 5060), new IPEndPoint(IPAddress.Parse(ip), port), connection);

    public async Task<(ProxyOutcome Outcome, RecordingServerTransaction Upstream)> SendAsync(string text, SipFlow? source = null)
    {
        var upstream = new RecordingServerTransaction();
        var message = TestMessages.Parse(text);
        bool isAck = message.Method == Switchboard.Sip.SipMethod.Ack;
        ProxyOutcome outcome = await Proxy.HandleAsync(new ProxyRequest(message, source ?? Caller, isAck ? null : upstream));
        return (outcome, upstream);
    }
}
