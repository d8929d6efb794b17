using System.Buffers;

namespace Switchboard.Sip;

/// <summary>Re-emits a message from its index (start line, one header line per index entry, body).</summary>
public sealed partial class SipMessage
{
    /// <summary>
    /// Writes the message from the header index: list values come out one per line, names as received, values
    /// byte-for-byte (folds included). Parsing the output gives an equal index. For forwarding with changes use the
    /// edit writer (<c>Switchboard.Sip.Writing</c>), which splices the original bytes.
    /// </summary>
    public void WriteTo(IBufferWriter<byte> writer)
    {
        var s = Span;
        if (IsRequest)
        {
            Write(writer, MethodRange.Of(s));
            Write(writer, " "u8);
            Write(writer, RequestUri.Of(s));
            Write(writer, " "u8);
            Write(writer, Version.Of(s));
        }
        else
        {
            Write(writer, Version.Of(s));
            Span<byte> code = [(byte)' ', (byte)('0' + StatusCode / 100), (byte)('0' + StatusCode / 10 % 10), (byte)('0' + StatusCode % 10), (byte)' '];
            Write(writer, code);
            Write(writer, ReasonPhrase.Of(s));
        }

        Write(writer, "\r\n"u8);
        foreach (ref readonly var h in Headers)
        {
            Write(writer, h.Name.Of(s));
            Write(writer, ": "u8);
            Write(writer, h.Value.Of(s));
            Write(writer, "\r\n"u8);
        }

        Write(writer, "\r\n"u8);
        Write(writer, Body.Of(s));
    }

    private static void Write(IBufferWriter<byte> writer, ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty)
        {
            return;
        }

        var span = writer.GetSpan(bytes.Length);
        bytes.CopyTo(span);
        writer.Advance(bytes.Length);
    }
}
