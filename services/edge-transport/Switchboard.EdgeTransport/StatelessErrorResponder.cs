using System.Buffers;
using System.Net;
using Switchboard.Contracts.Sip;
using Switchboard.Sip;
using Switchboard.Sip.Parsing;
using Switchboard.Sip.Writing;

namespace Switchboard.EdgeTransport;

/// <summary>
/// Answers a request the parser refused, without a transaction (RFC 3261 §8.2.6, §16.3 spirit): the status the
/// parser names, the copied Via/From/To/Call-ID/CSeq, and the top Via stamped with received/rport (§18.2.1, RFC 3581).
/// </summary>
internal sealed class StatelessErrorResponder
{
    public ReadOnlyMemory<byte> Build(SipMessage request, in SipParseError error, in SipFlow flow)
    {
        if (!request.IsRequest || request.Method == SipMethod.Ack)
        {
            // ACK is never answered (§17.2.1); a broken one is just dropped.
            return ReadOnlyMemory<byte>.Empty;
        }
        var output = new ArrayBufferWriter<byte>(512);
        try
        {
            var writer = SipResponseFactory.WriteResponseHead(request, error.StatusCode, null, "sb-err"u8, output);
            writer.WriteHeader("Warning"u8, System.Text.Encoding.ASCII.GetBytes($"399 switchboard \"{error.Reason}\""));
            writer.EndWithoutBody();
        }
        catch (ArgumentException)
        {
            return ReadOnlyMemory<byte>.Empty;
        }
        return output.WrittenMemory;
    }

    /// <summary>RFC 3261 §18.2.2 for unreliable transports, with RFC 3581: the source address, and the source port
    /// when the client asked for rport (else the Via's sent-by port).</summary>
    public IPEndPoint AddressFor(SipMessage request, in SipFlow flow)
    {
        if (request.TryGetVia(out var via) && !via.HasRport)
        {
            var port = via.Port > 0 ? via.Port : 5060;
            return new IPEndPoint(flow.Remote.Address, port);
        }
        return flow.Remote;
    }
}
