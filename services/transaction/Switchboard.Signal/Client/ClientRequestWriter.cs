using System.Buffers;
using System.Text;
using Switchboard.Contracts.Gateway;
using Switchboard.Sip.Uris;
using Switchboard.Sip.Writing;

namespace Switchboard.Signal.Client;

/// <summary>
/// A <see cref="SipClientRequest"/> as bytes: request line, our Via (with <c>rport</c>, so the answer comes back to
/// the socket the edge sent from even when the advertised port differs), then the caller's headers in order.
/// Via and Content-Length from the caller are dropped: the transaction layer owns both.
/// </summary>
internal static class ClientRequestWriter
{
    private static readonly string[] RequiredHeaders = ["From", "To", "Call-ID", "CSeq"];

    /// <summary>Null and an error text when the request cannot be sent as given.</summary>
    public static byte[]? TryWrite(SipClientRequest request, string via, out string? error)
    {
        if (!SipUri.TryParse(request.RequestUri, out SipUri? uri))
        {
            error = $"'{request.RequestUri}' is not a SIP URI";
            return null;
        }

        foreach (string name in RequiredHeaders)
        {
            if (!request.Headers.Any(h => IsHeader(h, name)))
            {
                error = $"the request has no {name} header";
                return null;
            }
        }

        try
        {
            var builder = new SipRequestBuilder(request.Method, uri).AddHeader("Via", via);
            if (!request.Headers.Any(h => IsHeader(h, "Max-Forwards")))
            {
                builder.AddHeader("Max-Forwards", "70"); // after our Via, where RFC 3261 §8.1.1 examples put it
            }

            foreach (SipHeaderField header in request.Headers)
            {
                if (!IsHeader(header, "Via") && !IsHeader(header, "Content-Length"))
                {
                    builder.AddHeader(header.Name, header.Value);
                }
            }

            if (request.ContentType is { Length: > 0 } contentType)
            {
                builder.SetBody(contentType, request.Body);
            }

            var buffer = new ArrayBufferWriter<byte>(512 + request.Body.Length);
            builder.WriteTo(buffer);
            error = null;
            return buffer.WrittenSpan.ToArray();
        }
        catch (ArgumentException e)
        {
            error = e.Message;
            return null;
        }
    }

    /// <summary>The method token of the CSeq header (responses are matched by it, RFC 3261 §17.1.3).</summary>
    public static string? CSeqMethod(SipClientRequest request)
    {
        SipHeaderField cseq = request.Headers.FirstOrDefault(h => IsHeader(h, "CSeq"));
        if (cseq.Value is null)
        {
            return null;
        }

        string[] parts = cseq.Value.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        return parts.Length == 2 ? parts[1] : null;
    }

    private static bool IsHeader(SipHeaderField header, string longName) =>
        string.Equals(header.Name, longName, StringComparison.OrdinalIgnoreCase) || IsCompact(header.Name, longName);

    private static bool IsCompact(string name, string longName) => name.Length == 1 && longName switch
    {
        "Via" => name[0] is 'v' or 'V',
        "From" => name[0] is 'f' or 'F',
        "To" => name[0] is 't' or 'T',
        "Call-ID" => name[0] is 'i' or 'I',
        "Content-Length" => name[0] is 'l' or 'L',
        _ => false,
    };

    /// <summary>Our Via value: SIP/2.0/UDP host:port;branch=...;rport.</summary>
    public static string Via(byte[] viaWithBranch) => Encoding.ASCII.GetString(viaWithBranch) + ";rport";
}
