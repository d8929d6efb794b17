using System.Diagnostics.CodeAnalysis;

namespace Switchboard.MediaProxy.Sdp;

/// <summary>
/// Parses an SDP body (RFC 8866) over bytes. Every line is kept as offsets, unknown lines included, so a
/// document writes back byte for byte. Only what the relay needs is interpreted: o=, c=, m=, a=rtcp,
/// a=rtcp-mux, direction attributes and a=candidate. Bad input gives false and a reason, never an exception.
/// </summary>
public static class SdpParser
{
    public const int MaxLength = 64 * 1024;

    public static bool TryParse(ReadOnlyMemory<byte> sdp, [NotNullWhen(true)] out SdpDocument? document,
        [NotNullWhen(false)] out string? error)
    {
        document = null;
        if (sdp.IsEmpty)
            return Fail("empty SDP", out error);
        if (sdp.Length > MaxLength)
            return Fail("SDP larger than 64 KiB", out error);

        var lines = SplitLines(sdp.Span);
        var span = sdp.Span;
        if (lines[0].Type != (byte)'v')
            return Fail("SDP does not start with v=", out error);

        var media = new List<SdpMediaDescription>();
        var state = new ParseState();
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var value = span.Slice(line.ValueStart, line.ValueLength);
            var current = media.Count > 0 ? media[^1] : null;
            error = line.Type switch
            {
                (byte)'o' when current is null => ParseOrigin(value, i, ref state),
                (byte)'c' => ParseConnection(value, i, current, ref state),
                (byte)'m' => ParseMedia(value, i, media),
                (byte)'a' => SdpAttributeParser.Apply(value, current, ref state),
                _ => null,
            };
            if (error is not null)
                return false;
        }

        for (var m = 0; m < media.Count; m++)
        {
            media[m].EndLine = m + 1 < media.Count ? media[m + 1].FirstLine : lines.Length;
            if (!state.MediaDirectionSet.Contains(m))
                media[m].Direction = state.SessionDirection;
        }

        document = new SdpDocument(sdp, lines, state.OriginLine, state.SessionConnection, media.ToArray());
        error = null;
        return true;
    }

    private static bool Fail(string reason, out string error)
    {
        error = reason;
        return false;
    }

    internal static SdpLine[] SplitLines(ReadOnlySpan<byte> span)
    {
        var lines = new List<SdpLine>(32);
        var start = 0;
        while (start < span.Length)
        {
            var newline = span[start..].IndexOf((byte)'\n');
            var end = newline < 0 ? span.Length : start + newline + 1;
            var contentEnd = newline < 0 ? span.Length : start + newline;
            if (contentEnd > start && span[contentEnd - 1] == (byte)'\r')
                contentEnd--;

            var isTyped = contentEnd - start >= 2 && span[start + 1] == (byte)'=' && char.IsAsciiLetter((char)span[start]);
            lines.Add(isTyped
                ? new SdpLine(span[start], start, start + 2, contentEnd - start - 2, end)
                : new SdpLine(0, start, start, contentEnd - start, end));
            start = end;
        }

        return lines.ToArray();
    }

    private static string? ParseOrigin(ReadOnlySpan<byte> value, int lineIndex, ref ParseState state)
    {
        // o=<username> <sess-id> <sess-version> <nettype> <addrtype> <unicast-address>
        var tokens = new SdpTokens(value);
        var count = 0;
        while (tokens.Next(out var token))
        {
            if (++count == 3 && (token.IsEmpty || token.IndexOfAnyExceptInRange((byte)'0', (byte)'9') >= 0))
                return "o= session version is not a number";
        }

        if (count < 6)
            return "o= line has fewer than 6 fields";
        state.OriginLine = lineIndex;
        return null;
    }

    private static string? ParseConnection(ReadOnlySpan<byte> value, int lineIndex, SdpMediaDescription? current,
        ref ParseState state)
    {
        // c=<nettype> <addrtype> <connection-address>[/ttl][/count]
        var tokens = new SdpTokens(value);
        if (!tokens.Next(out var netType) || !tokens.Next(out var addrType) || !tokens.Next(out var address))
            return "c= line has fewer than 3 fields";

        var slash = address.IndexOf((byte)'/');
        var host = slash < 0 ? address : address[..slash];
        var isIn = netType.SequenceEqual("IN"u8);
        var isIPv6 = addrType.SequenceEqual("IP6"u8);
        if (isIn && !isIPv6 && !addrType.SequenceEqual("IP4"u8))
            return "c= address type is neither IP4 nor IP6";

        var ip = isIn ? SdpTokens.Address(host) : null;
        var connection = new SdpConnection(lineIndex, isIPv6, SdpTokens.Ascii(host), ip);
        if (current is null)
            state.SessionConnection = connection;
        else
            current.Connection = connection;
        return null;
    }

    private static string? ParseMedia(ReadOnlySpan<byte> value, int lineIndex, List<SdpMediaDescription> media)
    {
        // m=<media> <port>[/<number of ports>] <proto> <fmt> ...
        var tokens = new SdpTokens(value);
        if (!tokens.Next(out var type) || !tokens.Next(out var portField) || !tokens.Next(out var proto))
            return "m= line has fewer than 3 fields";

        var slash = portField.IndexOf((byte)'/');
        int? count = null;
        if (slash >= 0)
        {
            if (!SdpTokens.TryInt(portField[(slash + 1)..], out var n) || n < 1)
                return "m= port count is not a positive number";
            count = n;
            portField = portField[..slash];
        }

        if (!SdpTokens.TryPort(portField, out var port))
            return "m= port is not a number in 0..65535";

        media.Add(new SdpMediaDescription
        {
            Index = media.Count,
            FirstLine = lineIndex,
            Media = SdpTokens.Ascii(type),
            Port = port,
            PortCount = count,
            Proto = SdpTokens.Ascii(proto),
            Formats = SdpTokens.Ascii(tokens.Rest),
        });
        return null;
    }
}
