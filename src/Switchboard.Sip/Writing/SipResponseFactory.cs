using System.Buffers;
using Switchboard.Sip.Headers;

namespace Switchboard.Sip.Writing;

/// <summary>
/// Responses built from a parsed request (RFC 3261 §8.2.6): every Via value in order, From, To (with the given tag
/// when the request's To has none), Call-ID, CSeq, and for 100 Trying the request's Timestamp.
/// Record-Route is copied only on request (a UAS answering a dialog-creating request, §12.1.1).
/// </summary>
public static class SipResponseFactory
{
    /// <summary>Writes a complete response without a body (Content-Length: 0).</summary>
    public static void CreateResponse(
        SipMessage request, int statusCode, string? reason, ReadOnlySpan<byte> toTag, IBufferWriter<byte> output)
    {
        SipMessageWriter writer = WriteResponseHead(request, statusCode, reason, toTag, output);
        writer.EndWithoutBody();
    }

    /// <summary>
    /// Writes the status line and the copied headers; the caller adds its own headers (Contact, WWW-Authenticate,
    /// Min-Expires, Unsupported...) through the returned writer and ends with EndWithoutBody or EndWithBody.
    /// </summary>
    public static SipMessageWriter WriteResponseHead(
        SipMessage request,
        int statusCode,
        string? reason,
        ReadOnlySpan<byte> toTag,
        IBufferWriter<byte> output,
        bool copyRecordRoute = false)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.IsRequest)
        {
            throw new ArgumentException("A response can only be built from a request.", nameof(request));
        }

        var writer = new SipMessageWriter(output);
        writer.WriteStatusLine(statusCode, reason);
        ReadOnlySpan<byte> buffer = request.Span;
        CopyAll(writer, request, HeaderKind.Via, "Via"u8);
        if (copyRecordRoute && statusCode is > 100 and < 300)
        {
            CopyAll(writer, request, HeaderKind.RecordRoute, "Record-Route"u8);
        }

        CopyFirst(writer, request, HeaderKind.From, "From"u8);
        WriteToHeader(writer, request, buffer, toTag);
        CopyFirst(writer, request, HeaderKind.CallId, "Call-ID"u8);
        CopyFirst(writer, request, HeaderKind.CSeq, "CSeq"u8);
        if (statusCode == 100)
        {
            CopyFirst(writer, request, HeaderKind.Timestamp, "Timestamp"u8);
        }

        return writer;
    }

    private static void WriteToHeader(SipMessageWriter writer, SipMessage request, ReadOnlySpan<byte> buffer, ReadOnlySpan<byte> toTag)
    {
        if (!request.TryGetFirst(HeaderKind.To, out SipHeader to))
        {
            return;
        }

        bool addTag = !toTag.IsEmpty && !(request.TryGetTo(out SipNameAddress address) && address.GetTag(buffer).IsPresent);
        IBufferWriter<byte> output = writer.Output;
        output.Write("To: "u8);
        output.Write(to.Value.Of(buffer));
        if (addTag)
        {
            output.Write(";tag="u8);
            output.Write(toTag);
        }

        output.Write("\r\n"u8);
    }

    private static void CopyAll(SipMessageWriter writer, SipMessage request, HeaderKind kind, ReadOnlySpan<byte> name)
    {
        foreach (SipHeader header in request.GetHeaders(kind))
        {
            writer.WriteHeader(name, request.GetValue(header));
        }
    }

    private static void CopyFirst(SipMessageWriter writer, SipMessage request, HeaderKind kind, ReadOnlySpan<byte> name)
    {
        if (request.TryGetFirst(kind, out SipHeader header))
        {
            writer.WriteHeader(name, request.GetValue(header));
        }
    }
}
