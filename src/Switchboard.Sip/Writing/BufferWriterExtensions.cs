using System.Buffers;
using System.Buffers.Text;
using System.Text;

namespace Switchboard.Sip.Writing;

/// <summary>Small writes of text and numbers into an <see cref="IBufferWriter{T}"/> without intermediate strings.</summary>
public static class BufferWriterExtensions
{
    public static void WriteByte(this IBufferWriter<byte> writer, byte value)
    {
        writer.GetSpan(1)[0] = value;
        writer.Advance(1);
    }

    /// <summary>Writes UTF-8 (ASCII for protocol tokens).</summary>
    public static void WriteText(this IBufferWriter<byte> writer, string text)
    {
        Span<byte> span = writer.GetSpan(Encoding.UTF8.GetMaxByteCount(text.Length));
        writer.Advance(Encoding.UTF8.GetBytes(text, span));
    }

    public static void WriteNumber(this IBufferWriter<byte> writer, long value)
    {
        Span<byte> span = writer.GetSpan(20);
        Utf8Formatter.TryFormat(value, span, out int written);
        writer.Advance(written);
    }
}
