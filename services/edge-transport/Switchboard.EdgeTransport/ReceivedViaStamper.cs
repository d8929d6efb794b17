using System.Buffers;
using System.Net;
using System.Text;
using Switchboard.Sip;
using Switchboard.Sip.Headers;
using Switchboard.Sip.Writing;

namespace Switchboard.EdgeTransport;

/// <summary>
/// RFC 3261 §18.2.1 and RFC 3581 §4: the server transport notes in the top Via where a request really came from —
/// <c>received</c> when the sent-by host differs from the source address (always when rport was asked), and the
/// source port in an empty <c>rport</c>. Done once at the edge, so every response and every forwarded copy carries it.
/// Not thread-safe: one instance per receive loop or connection.
/// </summary>
internal sealed class ReceivedViaStamper
{
    private readonly EditList _edits = new(256);
    private readonly ArrayBufferWriter<byte> _output = new(2048);

    /// <summary>
    /// Returns the stamped message, or <paramref name="message"/>'s own bytes when the Via already tells the truth.
    /// The returned memory is valid until the next call.
    /// </summary>
    public ReadOnlyMemory<byte> Stamp(SipMessage message, IPEndPoint source)
    {
        if (!message.IsRequest || !message.TryGetFirst(HeaderKind.Via, out var header) || !message.TryGetVia(out var via))
        {
            return message.Buffer;
        }
        var buffer = message.Span;
        Span<byte> ip = stackalloc byte[64];
        var address = source.Address.IsIPv4MappedToIPv6 ? source.Address.MapToIPv4() : source.Address;
        if (!address.TryFormat(ip, out var ipLength))
        {
            return message.Buffer;
        }
        ip = ip[..ipLength];
        var host = via.Host.Of(buffer);
        if (host.Length > 2 && host[0] == (byte)'[')
        {
            host = host[1..^1];
        }
        var needReceived = via.HasRport || !host.SequenceEqual(ip);
        if (!needReceived)
        {
            return message.Buffer;
        }

        _edits.Reset();
        Span<byte> port = stackalloc byte[8];
        port[0] = (byte)'=';
        source.Port.TryFormat(port[1..], out var digits);
        var hadReceived = false;
        foreach (var parameter in new SipParameterReader(buffer, via.Parameters))
        {
            var name = parameter.Name.Of(buffer);
            if (Ascii.EqualsIgnoreCase(name, "rport"u8))
            {
                if (parameter.Value.IsPresent)
                {
                    // "rport=" followed by a value: replace '=' and the value.
                    _edits.Replace(parameter.Name.End, parameter.Value.End - parameter.Name.End, port[..(digits + 1)]);
                }
                else
                {
                    _edits.Insert(parameter.Name.End, port[..(digits + 1)]);
                }
            }
            else if (Ascii.EqualsIgnoreCase(name, "received"u8) && parameter.Value.IsPresent)
            {
                hadReceived = true;
                _edits.Replace(parameter.Value.Start, parameter.Value.Length, ip);
            }
        }
        if (!hadReceived)
        {
            Span<byte> received = stackalloc byte[10 + ip.Length];
            ";received="u8.CopyTo(received);
            ip.CopyTo(received[10..]);
            _edits.Insert(header.Value.End, received);
        }
        _output.ResetWrittenCount();
        _edits.WriteTo(buffer, _output);
        return _output.WrittenMemory;
    }
}
