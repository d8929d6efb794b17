using Prometheus;
using Switchboard.Contracts.Sip;
using Switchboard.Sip;

namespace Switchboard.EdgeTransport;

/// <summary>
/// The edge's Prometheus series. The factory is injected (the host's registry; a private registry in tests).
/// Label values are constant strings, so counting does not allocate.
/// </summary>
public sealed class EdgeMetrics
{
    private readonly Counter _received;
    private readonly Counter _sent;
    private readonly Counter _parseErrors;
    private readonly Counter _refused;
    private readonly Counter _keepAlives;

    public EdgeMetrics(IMetricFactory factory)
    {
        _received = factory.CreateCounter("switchboard_sip_messages_received_total",
            "SIP messages received by the edge, by transport, kind and method or status class.",
            new CounterConfiguration { LabelNames = ["transport", "kind", "type"] });
        _sent = factory.CreateCounter("switchboard_sip_messages_sent_total",
            "SIP messages sent by the edge, by transport.",
            new CounterConfiguration { LabelNames = ["transport"] });
        _parseErrors = factory.CreateCounter("switchboard_sip_parse_errors_total",
            "Received messages refused by the parser or validator, by transport and answer status (0 = dropped).",
            new CounterConfiguration { LabelNames = ["transport", "status"] });
        _refused = factory.CreateCounter("switchboard_sip_connections_refused_total",
            "Incoming TCP/TLS connections refused because the Input Channels limit was reached.");
        _keepAlives = factory.CreateCounter("switchboard_sip_keepalive_pongs_total",
            "RFC 5626 CRLF keep-alive pings answered with a pong.");
        OpenConnections = factory.CreateGauge("switchboard_sip_connections_open",
            "Open TCP/TLS connections.");
    }

    public Gauge OpenConnections { get; }

    public void Received(SipTransport transport, SipMessage message)
    {
        if (message.IsRequest)
        {
            _received.WithLabels(TransportLabel(transport), "request", MetricLabels.Method(message.Method)).Inc();
        }
        else
        {
            _received.WithLabels(TransportLabel(transport), "response", MetricLabels.StatusClass(message.StatusCode)).Inc();
        }
    }

    public void Sent(SipTransport transport) => _sent.WithLabels(TransportLabel(transport)).Inc();

    public void ParseError(SipTransport transport, int status) =>
        _parseErrors.WithLabels(TransportLabel(transport), MetricLabels.Status(status)).Inc();

    public void ConnectionRefused() => _refused.Inc();

    public void KeepAliveAnswered() => _keepAlives.Inc();

    private static string TransportLabel(SipTransport transport) => transport switch
    {
        SipTransport.Udp => "udp",
        SipTransport.Tcp => "tcp",
        _ => "tls",
    };
}
