using System.Buffers;
using System.Net;
using System.Text;

namespace Switchboard.MediaProxy.Sdp;

/// <summary>
/// Produces the SDP a relay forwards: <c>c=</c>, <c>m=</c> ports and <c>a=rtcp</c> point at the relay, the
/// <c>o=</c> version is bumped, ICE attributes are removed (candidates would let the endpoints bypass the relay).
/// Hold is preserved: a <c>c=</c> of 0.0.0.0 stays 0.0.0.0, direction attributes are copied. A stream whose
/// port in <c>rtpPorts</c> is 0 (rejected, port 0) is copied verbatim. The m= "/count" is dropped because the
/// relay offers one port pair per stream. All other lines are copied in order.
/// </summary>
public static class SdpRewriter
{
    public static byte[] Rewrite(SdpDocument document, IPAddress relay, ReadOnlySpan<int> rtpPorts)
    {
        if (rtpPorts.Length != document.Media.Count)
            throw new ArgumentException("one port per media description is required", nameof(rtpPorts));

        var output = new ArrayBufferWriter<byte>(document.Source.Length + 64);
        var context = new RewriteContext(document, output, relay);
        var source = document.Source.Span;
        var mediaIndex = -1;
        var pendingConnection = false;
        for (var i = 0; i < document.Lines.Count; i++)
        {
            var line = document.Lines[i];
            if (line.Type == (byte)'m')
            {
                FlushConnection(ref pendingConnection, context, document.Lines[i - 1]);
                mediaIndex++;
            }

            var relayed = mediaIndex < 0 || rtpPorts[mediaIndex] != 0;
            if (!relayed)
            {
                output.Write(source[line.Start..line.End]);
                continue;
            }

            if (pendingConnection && line.Type != (byte)'i')
                FlushConnection(ref pendingConnection, context, document.Lines[i - 1]);

            var port = mediaIndex < 0 ? 0 : rtpPorts[mediaIndex];
            var media = mediaIndex < 0 ? null : document.Media[mediaIndex];
            RewriteLine(context, line, i, media, port);
            if (media is not null && line.Type == (byte)'m')
                pendingConnection = media.Connection is null && document.SessionConnection is null;
        }

        if (document.Lines.Count > 0)
            FlushConnection(ref pendingConnection, context, document.Lines[^1]);
        return output.WrittenSpan.ToArray();
    }

    private static void RewriteLine(RewriteContext context, in SdpLine line, int lineIndex,
        SdpMediaDescription? media, int port)
    {
        var document = context.Document;
        var source = document.Source.Span;
        switch (line.Type)
        {
            case (byte)'o' when lineIndex == document.OriginLine:
                WriteOrigin(context, line);
                return;
            case (byte)'c' when !IsHold(document, lineIndex, media):
                context.WriteConnection(source[line.TerminatorStart..line.End]);
                return;
            case (byte)'m' when media is not null:
                WriteMedia(context, line, media, port);
                return;
            case (byte)'a' when IsIceAttribute(document.Value(line)):
                return;
            case (byte)'a' when media is not null && document.Value(line).StartsWith("rtcp:"u8):
                WriteRtcp(context, line, media, port);
                return;
            default:
                context.Output.Write(source[line.Start..line.End]);
                return;
        }
    }

    private static bool IsHold(SdpDocument document, int lineIndex, SdpMediaDescription? media)
    {
        // Only the c= the parser kept per level carries an address; a repeated c= line is replaced like any other.
        var connection = media?.Connection?.LineIndex == lineIndex ? media.Connection
            : document.SessionConnection?.LineIndex == lineIndex ? document.SessionConnection : null;
        return connection?.IsHold ?? false;
    }

    private static void FlushConnection(ref bool pending, RewriteContext context, in SdpLine previous)
    {
        if (!pending)
            return;
        pending = false;
        var terminator = context.Document.Source.Span[previous.TerminatorStart..previous.End];
        if (terminator.IsEmpty)
        {
            // The previous line was the unterminated last line: end it before adding ours.
            terminator = "\r\n"u8;
            context.Output.Write(terminator);
        }
        context.WriteConnection(terminator);
    }

    private static void WriteOrigin(RewriteContext context, in SdpLine line)
    {
        var value = context.Document.Value(line);
        var tokens = new SdpTokens(value);
        tokens.Next(out _);
        tokens.Next(out _);
        tokens.Next(out var version);
        var versionStart = tokens.LastOffset;
        var output = context.Output;
        output.Write(context.Document.Source.Span[line.Start..line.ValueStart]);
        output.Write(value[..versionStart]);
        WriteIncremented(output, version);
        output.Write(context.Document.Source.Span[(line.ValueStart + versionStart + version.Length)..line.End]);
    }

    /// <summary>Adds one to a decimal digit string of any length (sess-version may exceed 64 bits).</summary>
    internal static void WriteIncremented(IBufferWriter<byte> output, ReadOnlySpan<byte> digits)
    {
        Span<byte> result = stackalloc byte[digits.Length + 1];
        digits.CopyTo(result[1..]);
        var i = result.Length - 1;
        while (i > 0 && result[i] == (byte)'9')
            result[i--] = (byte)'0';
        if (i == 0)
            result[0] = (byte)'1';
        else
            result[i]++;
        output.Write(i == 0 ? result : result[1..]);
    }

    private static void WriteMedia(RewriteContext context, in SdpLine line, SdpMediaDescription media, int port)
    {
        var output = context.Output;
        output.Write("m="u8);
        context.WriteAscii(media.Media);
        output.Write(" "u8);
        context.WriteInt(port);
        output.Write(" "u8);
        context.WriteAscii(media.Proto);
        if (media.Formats.Length > 0)
        {
            output.Write(" "u8);
            context.WriteAscii(media.Formats);
        }
        output.Write(context.Document.Source.Span[line.TerminatorStart..line.End]);
    }

    private static void WriteRtcp(RewriteContext context, in SdpLine line, SdpMediaDescription media, int port)
    {
        var output = context.Output;
        var hadAddress = context.Document.Value(line)["rtcp:"u8.Length..].IndexOf((byte)' ') >= 0;
        output.Write("a=rtcp:"u8);
        context.WriteInt(media.RtcpMux ? port : port + 1);
        if (hadAddress)
        {
            output.Write(" "u8);
            context.WriteAddress();
        }
        output.Write(context.Document.Source.Span[line.TerminatorStart..line.End]);
    }

    private static bool IsIceAttribute(ReadOnlySpan<byte> value) =>
        value.StartsWith("candidate:"u8) || value.StartsWith("ice-"u8)
        || value.StartsWith("remote-candidates"u8) || value.SequenceEqual("end-of-candidates"u8);

    private sealed class RewriteContext(SdpDocument document, ArrayBufferWriter<byte> output, IPAddress relay)
    {
        private readonly byte[] _address = Encoding.ASCII.GetBytes(
            (relay.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? "IN IP6 " : "IN IP4 ") + relay);

        public SdpDocument Document { get; } = document;
        public ArrayBufferWriter<byte> Output { get; } = output;

        public void WriteAddress() => Output.Write(_address);

        public void WriteConnection(ReadOnlySpan<byte> terminator)
        {
            Output.Write("c="u8);
            WriteAddress();
            Output.Write(terminator);
        }

        public void WriteAscii(string text)
        {
            var span = Output.GetSpan(text.Length);
            Output.Advance(Encoding.ASCII.GetBytes(text, span));
        }

        public void WriteInt(int value)
        {
            var span = Output.GetSpan(11);
            value.TryFormat(span, out var written);
            Output.Advance(written);
        }
    }
}
