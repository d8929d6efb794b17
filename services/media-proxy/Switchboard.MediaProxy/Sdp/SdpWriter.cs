using System.Buffers;

namespace Switchboard.MediaProxy.Sdp;

/// <summary>Writes a document back line by line; an unchanged document gives the identical bytes.</summary>
public static class SdpWriter
{
    public static byte[] Write(SdpDocument document)
    {
        var output = new ArrayBufferWriter<byte>(document.Source.Length);
        var source = document.Source.Span;
        foreach (var line in document.Lines)
            output.Write(source[line.Start..line.End]);
        return output.WrittenSpan.ToArray();
    }
}
