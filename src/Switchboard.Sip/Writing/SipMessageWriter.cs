using System.Buffers;

namespace Switchboard.Sip.Writing;

/// <summary>
/// Writes a new SIP message line by line into an <see cref="IBufferWriter{T}"/>: start line, header lines, then
/// <see cref="EndWithBody"/> or <see cref="EndWithoutBody"/>, which write the Content-Length that matches the body.
/// Values are written as given; callers pass well-formed header values.
/// </summary>
public readonly struct SipMessageWriter
{
    private readonly IBufferWriter<byte> _writer;

    public SipMessageWriter(IBufferWriter<byte> writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        _writer = writer;
    }

    public IBufferWriter<byte> Output => _writer;

    public void WriteRequestLine(ReadOnlySpan<byte> method, ReadOnlySpan<byte> requestUri)
    {
        _writer.Write(method);
        _writer.WriteByte((byte)' ');
        _writer.Write(requestUri);
        _writer.Write(" SIP/2.0\r\n"u8);
    }

    public void WriteStatusLine(int statusCode, string? reason)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(statusCode, 100);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(statusCode, 699);
        _writer.Write("SIP/2.0 "u8);
        _writer.WriteNumber(statusCode);
        _writer.WriteByte((byte)' ');
        _writer.WriteText(StripLineBreaks(reason ?? SipReasonPhrases.Get(statusCode)));
        _writer.Write("\r\n"u8);
    }

    public void WriteHeader(ReadOnlySpan<byte> name, ReadOnlySpan<byte> value)
    {
        _writer.Write(name);
        _writer.Write(": "u8);
        _writer.Write(value);
        _writer.Write("\r\n"u8);
    }

    public void WriteHeader(string name, string value)
    {
        _writer.WriteText(name);
        _writer.Write(": "u8);
        _writer.WriteText(StripLineBreaks(value));
        _writer.Write("\r\n"u8);
    }

    public void WriteHeader(ReadOnlySpan<byte> name, long value)
    {
        _writer.Write(name);
        _writer.Write(": "u8);
        _writer.WriteNumber(value);
        _writer.Write("\r\n"u8);
    }

    /// <summary>Content-Length: 0 and the empty line.</summary>
    public void EndWithoutBody() => _writer.Write("Content-Length: 0\r\n\r\n"u8);

    /// <summary>Content-Type (when given), Content-Length, the empty line and the body.</summary>
    public void EndWithBody(ReadOnlySpan<byte> contentType, ReadOnlySpan<byte> body)
    {
        if (!contentType.IsEmpty)
        {
            WriteHeader("Content-Type"u8, contentType);
        }

        WriteHeader("Content-Length"u8, body.Length);
        _writer.Write("\r\n"u8);
        _writer.Write(body);
    }

    // A CR or LF inside a value would start a new header line: header injection.
    private static string StripLineBreaks(string text) =>
        text.AsSpan().IndexOfAny('\r', '\n') < 0 ? text : text.Replace("\r", string.Empty).Replace("\n", string.Empty);
}
