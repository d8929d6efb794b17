using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Prometheus;
using Switchboard.Sip.Parsing;

namespace Switchboard.EdgeTransport.Tests;

/// <summary>A real edge on 127.0.0.1 with ephemeral ports and a recording sink.</summary>
internal sealed class EdgeFixture : IAsyncDisposable
{
    public EdgeFixture(Action<EdgeTransportOptions>? configure = null, TimeProvider? time = null)
    {
        var options = new EdgeTransportOptions
        {
            EdgeId = "edge-test",
            Udp = ["127.0.0.1:0"],
            Tcp = ["127.0.0.1:0"],
            UdpReceiveLoops = 1,
        };
        configure?.Invoke(options);
        Options = options;
        var metrics = new EdgeMetrics(Metrics.WithCustomRegistry(Metrics.NewCustomRegistry()));
        var inbound = new EdgeInbound(Microsoft.Extensions.Options.Options.Create(options), Sink, new SipParserOptions(),
            metrics, time ?? TimeProvider.System, NullLogger<EdgeInbound>.Instance);
        Edge = new SipEdge(Microsoft.Extensions.Options.Options.Create(options), inbound, time ?? TimeProvider.System, NullLogger<SipEdge>.Instance);
        Edge.Start();
    }

    public EdgeTransportOptions Options { get; }

    public RecordingSipSink Sink { get; } = new();

    public SipEdge Edge { get; }

    public IPEndPoint Udp => Edge.UdpEndPoints[0];

    public IPEndPoint Tcp => Edge.TcpEndPoints[0];

    public ValueTask DisposeAsync() => Edge.DisposeAsync();
}
