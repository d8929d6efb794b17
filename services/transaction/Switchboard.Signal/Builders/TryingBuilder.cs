using System.Buffers;
using Switchboard.Sip;
using Switchboard.Sip.Parsing;
using Switchboard.Sip.Writing;
using Switchboard.Transaction.Server;

namespace Switchboard.Signal.Builders;

/// <summary>The 100 Trying an INVITE server transaction sends on its own (RFC 3261 §8.2.6.1: no To tag, Timestamp copied).</summary>
public sealed class TryingBuilder : ITryingBuilder
{
    private readonly SipParser _parser;

    public TryingBuilder(SipParser parser)
    {
        ArgumentNullException.ThrowIfNull(parser);
        _parser = parser;
    }

    public ReadOnlyMemory<byte> BuildTrying(ReadOnlyMemory<byte> invite)
    {
        var request = new SipMessage();
        if (!_parser.TryParseFramed(invite, request, out var error) || !request.IsRequest)
        {
            throw new ArgumentException($"The INVITE does not parse: {error}", nameof(invite));
        }

        var output = new ArrayBufferWriter<byte>(invite.Length / 2 + 64);
        SipResponseFactory.CreateResponse(request, 100, null, default, output);
        return output.WrittenMemory;
    }
}
