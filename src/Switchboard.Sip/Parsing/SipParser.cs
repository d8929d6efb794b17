using System.Text;
using static Switchboard.Sip.SipLex;

namespace Switchboard.Sip.Parsing;

/// <summary>
/// Syntactic SIP parser: start line, header index (one entry per header field, and per value of list headers) and
/// body by Content-Length. Bytes in, offsets out; errors are values, never exceptions. Thread-safe (stateless apart
/// from its options); the <see cref="SipMessage"/> it fills is not.
/// </summary>
/// <remarks>
/// Folding: a header value runs from the first non-LWS byte after the colon to the last non-LWS byte before the CRLF
/// that is not followed by SP/HT, so a folded value is one range that contains CRLF+WSP; typed readers treat that as
/// LWS. Line ends must be CRLF. Problems inside a header value (empty list elements) do not stop indexing, so the
/// index stays complete enough for a stateless error response (<see cref="SipParseError.CanAnswer"/>).
/// </remarks>
public sealed class SipParser
{
    private readonly SipParserOptions _options;

    public SipParser(SipParserOptions? options = null) => _options = options ?? new SipParserOptions();

    public SipParserOptions Options => _options;

    /// <summary>
    /// Parses one UDP datagram (RFC 3261 §18.3): bytes after Content-Length are ignored; without Content-Length the
    /// body is the rest of the datagram; a Content-Length larger than the datagram is a 400.
    /// </summary>
    public bool TryParseDatagram(ReadOnlyMemory<byte> datagram, SipMessage message, out SipParseError error)
        => TryParse(datagram, message, requireContentLength: false, out error);

    /// <summary>Parses a message already framed by <see cref="Framing.SipStreamFramer"/> (Content-Length required).</summary>
    public bool TryParseFramed(ReadOnlyMemory<byte> framed, SipMessage message, out SipParseError error)
        => TryParse(framed, message, requireContentLength: true, out error);

    private bool TryParse(ReadOnlyMemory<byte> buffer, SipMessage message, bool requireContentLength, out SipParseError error)
    {
        message.Clear(buffer);
        var s = buffer.Span;
        if (s.Length > _options.MaxMessageSize)
        {
            error = Fail(message, SipParseErrorKind.MessageTooLarge, 513, "message larger than the configured limit");
            return false;
        }

        var pos = ParseStartLine(s, message, out error);
        if (pos < 0)
        {
            return false;
        }

        var softError = default(SipParseError);
        pos = ParseHeaders(s, pos, message, ref softError, out var contentLength, out error);
        if (pos < 0)
        {
            return false;
        }

        if (!FrameBody(s, pos, message, contentLength, requireContentLength, out error))
        {
            return false;
        }

        if (softError.IsError)
        {
            error = softError with { CanAnswer = CanAnswer(message), StatusCode = message.IsRequest ? softError.StatusCode : 0 };
            return false;
        }

        error = default;
        return true;
    }

    private int ParseStartLine(ReadOnlySpan<byte> s, SipMessage message, out SipParseError error)
    {
        var lf = s.IndexOf(Lf);
        if (lf < 1 || s[lf - 1] != Cr)
        {
            var kind = lf < 0 && s.Length > _options.MaxLineLength ? SipParseErrorKind.LineTooLong : SipParseErrorKind.InvalidStartLine;
            error = Fail(message, kind, kind == SipParseErrorKind.LineTooLong ? 513 : 400, "start line is not terminated by CRLF");
            return -1;
        }

        if (lf - 1 > _options.MaxLineLength)
        {
            error = Fail(message, SipParseErrorKind.LineTooLong, 513, "start line longer than the configured limit");
            return -1;
        }

        var line = s[..(lf - 1)];
        var ok = line.Length > 4 && Ascii.EqualsIgnoreCase(line[..4], "SIP/"u8)
            ? ParseStatusLine(line, message)
            : ParseRequestLine(line, message);
        if (!ok)
        {
            // A malformed response is dropped (status 0), a malformed request answered 400.
            var isResponse = line.Length > 4 && Ascii.EqualsIgnoreCase(line[..4], "SIP/"u8);
            error = Fail(message, SipParseErrorKind.InvalidStartLine, isResponse ? 0 : 400, isResponse ? "malformed status line" : "malformed request line");
            return -1;
        }

        error = default;
        return lf + 1;
    }

    private static bool ParseRequestLine(ReadOnlySpan<byte> line, SipMessage message)
    {
        var methodEnd = SkipToken(line, 0, line.Length);
        if (methodEnd == 0 || methodEnd >= line.Length || line[methodEnd] != (byte)' ')
        {
            return false;
        }

        var uriStart = methodEnd + 1;
        var uriLength = line[uriStart..].IndexOf((byte)' ');
        if (uriLength <= 0)
        {
            return false;
        }

        var uri = line.Slice(uriStart, uriLength);
        foreach (var b in uri)
        {
            if (b <= 0x20 || b == 0x7F)
            {
                return false;
            }
        }

        if (!TryGetScheme(uri, out _))
        {
            return false; // ltgtruri: "<sip:...>" is not an absoluteURI
        }

        var versionStart = uriStart + uriLength + 1;
        if (!IsVersion(line[versionStart..], out var is20))
        {
            return false; // lwsstart, trws, lwsruri land here
        }

        message.IsRequest = true;
        message.MethodRange = new SipRange(0, methodEnd);
        message.Method = SipMethods.Parse(line[..methodEnd]);
        message.RequestUri = new SipRange(uriStart, uriLength);
        message.Version = SipRange.FromBounds(versionStart, line.Length);
        message.IsSip20 = is20;
        return true;
    }

    private static bool ParseStatusLine(ReadOnlySpan<byte> line, SipMessage message)
    {
        var versionEnd = line.IndexOf((byte)' ');
        if (versionEnd < 0 || !IsVersion(line[..versionEnd], out var is20))
        {
            return false;
        }

        // Status-Code is exactly 3 digits followed by SP (the reason phrase may be empty: noreason).
        var c = versionEnd + 1;
        if (line.Length < c + 4 || !IsDigit(line[c]) || !IsDigit(line[c + 1]) || !IsDigit(line[c + 2]) || line[c + 3] != (byte)' ')
        {
            return false;
        }

        var code = (line[c] - '0') * 100 + (line[c + 1] - '0') * 10 + (line[c + 2] - '0');
        if (code < 100 || code > 699)
        {
            return false;
        }

        foreach (var b in line[(c + 4)..])
        {
            if (b < 0x20 && b != (byte)'\t' || b == 0x7F)
            {
                return false;
            }
        }

        message.StatusCode = code;
        message.Version = new SipRange(0, versionEnd);
        message.IsSip20 = is20;
        message.ReasonPhrase = SipRange.FromBounds(c + 4, line.Length);
        return true;
    }

    /// <summary>SIP-Version = "SIP" "/" 1*DIGIT "." 1*DIGIT ("SIP" case-insensitive).</summary>
    private static bool IsVersion(ReadOnlySpan<byte> v, out bool is20)
    {
        is20 = v.Length == 7 && Ascii.EqualsIgnoreCase(v, "SIP/2.0"u8);
        if (is20)
        {
            return true;
        }

        if (v.Length < 7 || !Ascii.EqualsIgnoreCase(v[..4], "SIP/"u8))
        {
            return false;
        }

        var dot = v[4..].IndexOf((byte)'.');
        return dot > 0 && dot + 5 < v.Length && AllDigits(v.Slice(4, dot)) && AllDigits(v[(dot + 5)..]);
    }

    private static bool AllDigits(ReadOnlySpan<byte> s) => !s.IsEmpty && !s.ContainsAnyExceptInRange((byte)'0', (byte)'9');

    private int ParseHeaders(ReadOnlySpan<byte> s, int pos, SipMessage message, ref SipParseError softError,
        out long contentLength, out SipParseError error)
    {
        contentLength = -1;
        var maxHeaders = Math.Min(_options.MaxHeaderCount, short.MaxValue);
        while (true)
        {
            if (pos >= s.Length)
            {
                error = Fail(message, SipParseErrorKind.IncompleteHeaders, 400, "header section has no terminating empty line");
                return -1;
            }

            if (s[pos] == Cr && pos + 1 < s.Length && s[pos + 1] == Lf)
            {
                message.HeaderSectionLength = pos + 2;
                error = default;
                return pos + 2;
            }

            var fieldStart = pos;
            var nameEnd = SkipToken(s, pos, s.Length);
            var colon = nameEnd;
            while (colon < s.Length && IsWsp(s[colon]))
            {
                colon++;
            }

            if (nameEnd == pos || colon >= s.Length || s[colon] != (byte)':')
            {
                error = Fail(message, SipParseErrorKind.InvalidHeader, 400, "header line is not 'name: value'");
                return -1;
            }

            // Find the end of the logical field: a CRLF not followed by SP/HT.
            var lineStart = pos;
            var scan = colon + 1;
            int fieldEnd;
            while (true)
            {
                var lfRel = s[scan..].IndexOf(Lf);
                if (lfRel < 0)
                {
                    error = Fail(message, SipParseErrorKind.IncompleteHeaders, 400, "header line is not terminated by CRLF");
                    return -1;
                }

                var lf = scan + lfRel;
                if (s[lf - 1] != Cr)
                {
                    error = Fail(message, SipParseErrorKind.InvalidHeader, 400, "bare LF in header section");
                    return -1;
                }

                if (lf - 1 - lineStart > _options.MaxLineLength)
                {
                    error = Fail(message, SipParseErrorKind.LineTooLong, 513, "header line longer than the configured limit");
                    return -1;
                }

                if (lf + 1 < s.Length && IsWsp(s[lf + 1]))
                {
                    scan = lf + 1;
                    lineStart = lf + 1;
                    continue;
                }

                fieldEnd = lf - 1;
                pos = lf + 1;
                break;
            }

            var valueStart = SkipLws(s, colon + 1, fieldEnd);
            var valueEnd = TrimEnd(s, valueStart, fieldEnd);
            var name = SipRange.FromBounds(fieldStart, nameEnd);
            var kind = SipHeaderNames.Recognize(s[fieldStart..nameEnd]);

            if (kind == HeaderKind.ContentLength && !ReadContentLength(s[valueStart..valueEnd], ref contentLength, message, out error))
            {
                return -1;
            }

            var added = SipHeaderNames.IsList(kind)
                ? AddList(s, kind, name, valueStart, valueEnd, message, maxHeaders, ref softError)
                : message.AddHeader(kind, name, SipRange.FromBounds(valueStart, valueEnd), maxHeaders);
            if (!added)
            {
                error = Fail(message, SipParseErrorKind.TooManyHeaders, 513, "more header fields than the configured limit");
                return -1;
            }
        }
    }

    /// <summary>Splits a list header at commas outside quoted strings and &lt;...&gt;; each element trimmed of LWS.</summary>
    private static bool AddList(ReadOnlySpan<byte> s, HeaderKind kind, SipRange name, int start, int end,
        SipMessage message, int maxHeaders, ref SipParseError softError)
    {
        if (start == end)
        {
            return message.AddHeader(kind, name, new SipRange(start, 0), maxHeaders); // e.g. "Supported:" is legal
        }

        var elementStart = start;
        var angle = false;
        var i = start;
        while (true)
        {
            var next = s[i..end].IndexOfAny(ListSpecials);
            var at = next < 0 ? end : i + next;
            if (at < end)
            {
                var b = s[at];
                if (b == (byte)'"' && !angle)
                {
                    var close = SkipQuoted(s, at, end);
                    if (close >= 0)
                    {
                        i = close;
                        continue;
                    }

                    softError = Soft(SipParseErrorKind.InvalidHeader, "unterminated quoted string in a list header");
                    at = end;
                }
                else if (b != (byte)',' || angle)
                {
                    angle = b == (byte)'<' || (angle && b != (byte)'>');
                    i = at + 1;
                    continue;
                }
            }

            var from = SkipLws(s, elementStart, at);
            var to = TrimEnd(s, from, at);
            if (from == to)
            {
                softError = Soft(SipParseErrorKind.InvalidHeader, "empty element in a comma-separated header");
            }
            else if (!message.AddHeader(kind, name, SipRange.FromBounds(from, to), maxHeaders))
            {
                return false;
            }

            if (at >= end)
            {
                break;
            }

            elementStart = at + 1;
            i = at + 1;
        }

        return true;
    }

    private static bool ReadContentLength(ReadOnlySpan<byte> value, ref long contentLength, SipMessage message, out SipParseError error)
    {
        if (contentLength >= 0)
        {
            error = Fail(message, SipParseErrorKind.InvalidContentLength, 400, "more than one Content-Length");
            return false;
        }

        if (value.IsEmpty || value.Length > 9 || !AllDigits(value))
        {
            error = Fail(message, SipParseErrorKind.InvalidContentLength, 400, "Content-Length is not a non-negative number");
            return false;
        }

        contentLength = long.Parse(value, provider: null);
        error = default;
        return true;
    }

    private bool FrameBody(ReadOnlySpan<byte> s, int bodyStart, SipMessage message, long contentLength,
        bool requireContentLength, out SipParseError error)
    {
        var available = s.Length - bodyStart;
        if (contentLength < 0 && requireContentLength)
        {
            error = Fail(message, SipParseErrorKind.MissingContentLength, 400, "Content-Length is required on stream transports");
            return false;
        }

        var length = contentLength < 0 ? available : contentLength;
        if (length > _options.MaxBodySize)
        {
            error = Fail(message, SipParseErrorKind.BodyTooLarge, 413, "body larger than the configured limit");
            return false;
        }

        if (length > available)
        {
            error = Fail(message, SipParseErrorKind.ContentLengthExceedsData, 400, "Content-Length larger than the message");
            return false;
        }

        message.HasContentLength = contentLength >= 0;
        message.Body = new SipRange(bodyStart, (int)length);
        message.SetFramedLength(bodyStart + (int)length);
        error = default;
        return true;
    }

    private static SipParseError Soft(SipParseErrorKind kind, string reason) => new(kind, 400, reason, false);

    private static SipParseError Fail(SipMessage message, SipParseErrorKind kind, int status, string reason)
        => new(kind, message.IsRequest || message.StatusCode == 0 ? status : 0, reason, CanAnswer(message));

    /// <summary>A stateless error response copies Via, From, To, Call-ID and CSeq (RFC 3261 §8.2.6.2).</summary>
    internal static bool CanAnswer(SipMessage message) => message.IsRequest
        && message.Contains(HeaderKind.Via) && message.Contains(HeaderKind.From) && message.Contains(HeaderKind.To)
        && message.Contains(HeaderKind.CallId) && message.Contains(HeaderKind.CSeq);
}
