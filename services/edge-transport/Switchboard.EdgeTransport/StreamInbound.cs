using System.Buffers;
using Microsoft.Extensions.Logging;
using Switchboard.Contracts.Sip;
using Switchboard.Sip;
using Switchboard.Sip.Framing;
using Switchboard.Sip.Parsing;

namespace Switchboard.EdgeTransport;

/// <summary>
/// TCP/TLS receive path: the core's stream framer cuts messages out of the pipe; a keep-alive ping gets a pong;
/// a framing error is answered when possible and closes that connection only.
/// </summary>
internal sealed class StreamInbound
{
    private readonly EdgeInbound _edge;
    private readonly SipStreamFramer _framer;

    public StreamInbound(EdgeInbound edge, SipParserOptions options)
    {
        _edge = edge;
        _framer = new SipStreamFramer(options);
    }

    public string EdgeId => _edge.EdgeId;

    public EdgeMetrics Metrics => _edge.Metrics;

    /// <summary>Consumes every complete message in <paramref name="buffer"/>; leaves it at the unconsumed rest.</summary>
    public StreamVerdict Consume(StreamConnection connection, ref ReadOnlySequence<byte> buffer)
    {
        var message = connection.Message;
        while (true)
        {
            var frame = _framer.Read(buffer);
            switch (frame.Status)
            {
                case SipFrameStatus.NeedMoreData:
                    return StreamVerdict.Continue;
                case SipFrameStatus.KeepAlive:
                    buffer = buffer.Slice(frame.Consumed);
                    if (frame.IsPing)
                    {
                        _ = connection.SendAsync(Pong, CancellationToken.None);
                        _edge.Metrics.KeepAliveAnswered();
                    }
                    continue;
                case SipFrameStatus.Error:
                    _edge.Metrics.ParseError(connection.Flow.Transport, frame.Error.StatusCode);
                    _edge.Logger.LogDebug("Framing error on {Flow}: {Error}; closing", connection.Flow, frame.Error);
                    return StreamVerdict.Close;
                case SipFrameStatus.Message:
                    var bytes = frame.Message.IsSingleSegment ? frame.Message.First : frame.Message.ToArray();
                    buffer = buffer.Slice(frame.Consumed);
                    Handle(connection, bytes, message);
                    continue;
            }
        }
    }

    private static readonly ReadOnlyMemory<byte> Pong = SipStreamFramer.Pong.ToArray();

    private void Handle(StreamConnection connection, ReadOnlyMemory<byte> bytes, SipMessage message)
    {
        var flow = connection.Flow;
        if (!_edge.Parser.TryParseFramed(bytes, message, out var error))
        {
            _edge.Metrics.ParseError(flow.Transport, error.CanAnswer ? error.StatusCode : 0);
            if (error.CanAnswer && error.StatusCode != 0)
            {
                var answer = _edge.Responder.Build(message, error, flow);
                if (answer.Length > 0)
                {
                    _ = connection.SendAsync(answer, CancellationToken.None);
                    _edge.Metrics.Sent(flow.Transport);
                }
            }
            return;
        }
        _edge.Metrics.Received(flow.Transport, message);
        _edge.Deliver(connection.Stamper.Stamp(message, flow.Remote), flow);
    }
}
