using System.Net;
using Microsoft.Extensions.Logging;
using Switchboard.Contracts.Sip;
using Switchboard.Sip;

namespace Switchboard.EdgeTransport;

/// <summary>UDP receive path: one datagram is one message (RFC 3261 §18.3); CRLF-only datagrams are keep-alives.</summary>
internal sealed class DatagramInbound
{
    private readonly EdgeInbound _edge;

    public DatagramInbound(EdgeInbound edge)
    {
        _edge = edge;
    }

    /// <summary>Per receive loop: the parse target and the buffer stateless answers are written into.</summary>
    public sealed class LoopState
    {
        public SipMessage Message { get; } = new();

        public ReceivedViaStamper Stamper { get; } = new();
    }

    public LoopState CreateLoopState() => new();

    public void OnDatagram(LoopState state, ReadOnlyMemory<byte> datagram, IPEndPoint local, IPEndPoint remote, UdpListener listener)
    {
        if (IsKeepAlive(datagram.Span))
        {
            return;
        }
        var flow = new SipFlow(_edge.EdgeId, SipTransport.Udp, local, remote, SipFlow.NoConnection);
        var message = state.Message;
        if (!_edge.Parser.TryParseDatagram(datagram, message, out var error))
        {
            _edge.Metrics.ParseError(SipTransport.Udp, error.CanAnswer ? error.StatusCode : 0);
            _edge.Logger.LogDebug("Refused datagram from {Remote}: {Error}", remote, error);
            if (error.CanAnswer && error.StatusCode != 0)
            {
                var answer = _edge.Responder.Build(message, error, flow);
                if (answer.Length > 0)
                {
                    _ = listener.SendAsync(answer, _edge.Responder.AddressFor(message, flow), CancellationToken.None);
                    _edge.Metrics.Sent(SipTransport.Udp);
                }
            }
            return;
        }
        _edge.Metrics.Received(SipTransport.Udp, message);
        _edge.Deliver(state.Stamper.Stamp(message, remote), flow);
    }

    /// <summary>RFC 5626 §3.5.1 UDP keep-alives (CRLFs) and stray whitespace are not messages.</summary>
    private static bool IsKeepAlive(ReadOnlySpan<byte> datagram) =>
        datagram.IndexOfAnyExcept((byte)'\r', (byte)'\n', (byte)' ') < 0;
}
