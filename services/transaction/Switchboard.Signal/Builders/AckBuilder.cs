using System.Buffers;
using Switchboard.Sip;
using Switchboard.Sip.Parsing;
using Switchboard.Sip.Writing;
using Switchboard.Transaction.Client;

namespace Switchboard.Signal.Builders;

/// <summary>
/// The ACK a client INVITE transaction sends for a non-2xx final response (RFC 3261 §17.1.1.3): the INVITE's
/// Request-URI, top Via, Route set, From, Call-ID and CSeq number (method ACK), and the response's To (with its tag).
/// </summary>
public sealed class AckBuilder : IAckBuilder
{
    private readonly SipParser _parser;

    public AckBuilder(SipParser parser)
    {
        ArgumentNullException.ThrowIfNull(parser);
        _parser = parser;
    }

    public ReadOnlyMemory<byte> BuildAck(ReadOnlyMemory<byte> request, ReadOnlyMemory<byte> response)
    {
        var invite = new SipMessage();
        var answer = new SipMessage();
        if (!_parser.TryParseFramed(request, invite, out SipParseError error) || !invite.IsRequest)
        {
            throw new ArgumentException($"The INVITE does not parse: {error}", nameof(request));
        }

        if (!_parser.TryParseFramed(response, answer, out error) || !answer.IsResponse)
        {
            throw new ArgumentException($"The response does not parse: {error}", nameof(response));
        }

        var output = new ArrayBufferWriter<byte>(request.Length / 2 + 128);
        var writer = new SipMessageWriter(output);
        writer.WriteRequestLine("ACK"u8, invite.GetSpan(invite.RequestUri));
        if (invite.TryGetFirst(HeaderKind.Via, out SipHeader via))
        {
            writer.WriteHeader("Via"u8, invite.GetValue(via));
        }

        foreach (SipHeader route in invite.GetHeaders(HeaderKind.Route))
        {
            writer.WriteHeader("Route"u8, invite.GetValue(route));
        }

        writer.WriteHeader("Max-Forwards"u8, 70);
        CopyFirst(writer, invite, HeaderKind.From, "From"u8);
        CopyFirst(writer, answer, HeaderKind.To, "To"u8);
        CopyFirst(writer, invite, HeaderKind.CallId, "Call-ID"u8);
        if (invite.TryGetCSeq(out var cseq))
        {
            writer.WriteHeader("CSeq", $"{cseq.Number} ACK");
        }

        writer.EndWithoutBody();
        return output.WrittenMemory;
    }

    private static void CopyFirst(SipMessageWriter writer, SipMessage message, HeaderKind kind, ReadOnlySpan<byte> name)
    {
        if (message.TryGetFirst(kind, out SipHeader header))
        {
            writer.WriteHeader(name, message.GetValue(header));
        }
    }
}
