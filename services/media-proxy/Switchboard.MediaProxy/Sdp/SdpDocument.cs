using System.Net;

namespace Switchboard.MediaProxy.Sdp;

/// <summary>
/// A parsed SDP body: the source bytes plus every line as offsets, in order. Nothing is dropped, so
/// <see cref="SdpWriter.Write"/> gives back the exact input.
/// </summary>
public sealed class SdpDocument
{
    internal SdpDocument(ReadOnlyMemory<byte> source, SdpLine[] lines, int originLine,
        SdpConnection? sessionConnection, SdpMediaDescription[] media)
    {
        Source = source;
        Lines = lines;
        OriginLine = originLine;
        SessionConnection = sessionConnection;
        Media = media;
    }

    public ReadOnlyMemory<byte> Source { get; }
    public IReadOnlyList<SdpLine> Lines { get; }
    /// <summary>Index of the <c>o=</c> line, -1 when absent.</summary>
    public int OriginLine { get; }
    public SdpConnection? SessionConnection { get; }
    public IReadOnlyList<SdpMediaDescription> Media { get; }

    /// <summary>The address media of stream <paramref name="index"/> is sent to: media-level c= over session-level c=.</summary>
    public IPAddress? ConnectionAddress(int index) =>
        (Media[index].Connection ?? SessionConnection)?.Address;

    internal ReadOnlySpan<byte> Value(in SdpLine line) => Source.Span.Slice(line.ValueStart, line.ValueLength);
}
