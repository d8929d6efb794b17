using System.Buffers;
using Switchboard.Sip.Parsing;
using static Switchboard.Sip.SipLex;

namespace Switchboard.Sip.Framing;

/// <summary>
/// Cuts a TCP/TLS byte stream into SIP messages (RFC 3261 §18.3: Content-Length is mandatory on streams). Stateless
/// and allocation-free for single-segment buffers; a header section split across segments is copied to a pooled
/// array to be scanned. Never buffers past <see cref="SipParserOptions.MaxMessageSize"/>.
/// </summary>
public sealed class SipStreamFramer
{
    private readonly SipParserOptions _options;

    public SipStreamFramer(SipParserOptions? options = null) => _options = options ?? new SipParserOptions();

    /// <summary>The RFC 5626 pong: one CRLF.</summary>
    public static ReadOnlySpan<byte> Pong => "\r\n"u8;

    public SipFrame Read(in ReadOnlySequence<byte> buffer)
    {
        if (buffer.IsEmpty)
        {
            return NeedMore(buffer);
        }

        new SequenceReader<byte>(buffer).TryPeek(out var first); // the first segment may be empty after a slice
        if (first == Cr || first == Lf)
        {
            return ReadKeepAlive(buffer);
        }

        var headerLength = FindHeaderEnd(buffer);
        if (headerLength < 0)
        {
            return buffer.Length > _options.MaxMessageSize
                ? Fail(buffer, SipParseErrorKind.MessageTooLarge, 513, "header section larger than the configured limit")
                : NeedMore(buffer);
        }

        if (headerLength > _options.MaxMessageSize)
        {
            return Fail(buffer, SipParseErrorKind.MessageTooLarge, 513, "header section larger than the configured limit");
        }

        var headers = buffer.Slice(0, headerLength);
        byte[]? rented = null;
        ReadOnlySpan<byte> span;
        if (headers.IsSingleSegment)
        {
            span = headers.FirstSpan;
        }
        else
        {
            rented = ArrayPool<byte>.Shared.Rent((int)headerLength);
            headers.CopyTo(rented);
            span = rented.AsSpan(0, (int)headerLength);
        }

        var contentLength = FindContentLength(span, out var error);
        if (rented is not null)
        {
            ArrayPool<byte>.Shared.Return(rented);
        }

        if (error.IsError)
        {
            return new SipFrame(SipFrameStatus.Error, default, buffer.Start, buffer.End, 0, error);
        }

        if (contentLength > _options.MaxBodySize)
        {
            return Fail(buffer, SipParseErrorKind.BodyTooLarge, 413, "body larger than the configured limit");
        }

        var total = headerLength + contentLength;
        if (total > _options.MaxMessageSize)
        {
            return Fail(buffer, SipParseErrorKind.MessageTooLarge, 513, "message larger than the configured limit");
        }

        if (buffer.Length < total)
        {
            return NeedMore(buffer); // clerr: wait; the transport's idle timer closes a connection that never completes
        }

        var message = buffer.Slice(0, total);
        return new SipFrame(SipFrameStatus.Message, message, message.End, message.End, 0, default);
    }

    /// <summary>Offset just past the first CRLFCRLF, or -1. Vectorised per segment; matches across segment
    /// boundaries are caught by carrying the last three bytes.</summary>
    private static long FindHeaderEnd(in ReadOnlySequence<byte> buffer)
    {
        if (buffer.IsSingleSegment)
        {
            var i = buffer.FirstSpan.IndexOf("\r\n\r\n"u8);
            return i < 0 ? -1 : i + 4;
        }

        const uint crlfcrlf = 0x0D0A0D0A;
        uint tail = 0;
        long offset = 0;
        foreach (var memory in buffer)
        {
            var span = memory.Span;
            var head = Math.Min(3, span.Length);
            for (var k = 0; k < head; k++)
            {
                tail = (tail << 8) | span[k];
                if (tail == crlfcrlf)
                {
                    return offset + k + 1;
                }
            }

            var index = span.IndexOf("\r\n\r\n"u8);
            if (index >= 0)
            {
                return offset + index + 4;
            }

            if (span.Length > 3)
            {
                tail = (uint)(span[^3] << 16 | span[^2] << 8 | span[^1]);
            }

            offset += span.Length;
        }

        return -1;
    }

    private static SipFrame ReadKeepAlive(in ReadOnlySequence<byte> buffer)
    {
        var reader = new SequenceReader<byte>(buffer);
        var pairs = 0;
        while (reader.Remaining >= 2 && reader.IsNext("\r\n"u8, advancePast: true))
        {
            pairs++;
        }

        if (pairs == 0)
        {
            // A lone CR waits for its LF; a bare LF (or CR+other) is not SIP: framing error.
            return reader.Remaining == 1 && reader.IsNext(Cr)
                ? NeedMore(buffer)
                : new SipFrame(SipFrameStatus.Error, default, buffer.Start, buffer.End, 0,
                    new SipParseError(SipParseErrorKind.InvalidStartLine, 400, "stray CR or LF between messages", false));
        }

        return new SipFrame(SipFrameStatus.KeepAlive, default, reader.Position, reader.Position, pairs, default);
    }

    /// <summary>Finds the single Content-Length (long or compact form) in a complete header section.</summary>
    private static long FindContentLength(ReadOnlySpan<byte> s, out SipParseError error)
    {
        long found = -1;
        var pos = s.IndexOf(Lf) + 1; // skip the start line
        while (pos > 0 && pos < s.Length)
        {
            var lineLength = s[pos..].IndexOf(Lf);
            if (lineLength <= 0)
            {
                break;
            }

            var line = s.Slice(pos, lineLength);
            pos += lineLength + 1;
            if (line.Length == 0 || IsWsp(line[0]) || line[0] == Cr)
            {
                continue;
            }

            var nameEnd = SkipToken(line, 0, line.Length);
            var colon = nameEnd;
            while (colon < line.Length && IsWsp(line[colon]))
            {
                colon++;
            }

            if (colon >= line.Length || line[colon] != (byte)':'
                || SipHeaderNames.Recognize(line[..nameEnd]) != HeaderKind.ContentLength)
            {
                continue;
            }

            var value = line[(colon + 1)..].Trim(" \t\r"u8);
            if (found >= 0 || value.IsEmpty || value.Length > 9 || value.ContainsAnyExceptInRange((byte)'0', (byte)'9'))
            {
                error = new SipParseError(SipParseErrorKind.InvalidContentLength, 400,
                    found >= 0 ? "more than one Content-Length" : "Content-Length is not a non-negative number", false);
                return -1;
            }

            found = long.Parse(value, provider: null);
        }

        error = found < 0
            ? new SipParseError(SipParseErrorKind.MissingContentLength, 400, "Content-Length is required on stream transports", false)
            : default;
        return found;
    }

    private static SipFrame NeedMore(in ReadOnlySequence<byte> buffer)
        => new(SipFrameStatus.NeedMoreData, default, buffer.Start, buffer.End, 0, default);

    private static SipFrame Fail(in ReadOnlySequence<byte> buffer, SipParseErrorKind kind, int status, string reason)
        => new(SipFrameStatus.Error, default, buffer.Start, buffer.End, 0, new SipParseError(kind, status, reason, false));
}
