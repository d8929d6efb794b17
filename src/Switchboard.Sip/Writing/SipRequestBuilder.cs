using System.Buffers;
using System.Text;
using Switchboard.Sip.Uris;

namespace Switchboard.Sip.Writing;

/// <summary>
/// Builds a new request (OPTIONS keep-alives, registrations towards gateways, NOTIFY...): request line, the headers
/// in the order added (Max-Forwards: 70 unless one is added), optional body with the matching Content-Length.
/// </summary>
public sealed class SipRequestBuilder
{
    private readonly List<KeyValuePair<string, string>> _headers = [];

    public SipRequestBuilder(string method, SipUri requestUri)
    {
        ArgumentException.ThrowIfNullOrEmpty(method);
        ArgumentNullException.ThrowIfNull(requestUri);
        if (method.AsSpan().IndexOfAny(" \t\r\n:") >= 0)
        {
            throw new ArgumentException($"'{method}' is not a method token.", nameof(method));
        }

        Method = method;
        RequestUri = requestUri;
    }

    public string Method { get; }

    public SipUri RequestUri { get; }

    public IReadOnlyList<KeyValuePair<string, string>> Headers => _headers;

    public ReadOnlyMemory<byte> Body { get; private set; }

    public string? ContentType { get; private set; }

    public SipRequestBuilder AddHeader(string name, string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(value);
        if (name.AsSpan().IndexOfAny(" \t\r\n:") >= 0)
        {
            throw new ArgumentException($"'{name}' is not a header name.", nameof(name));
        }

        if (string.Equals(name, "Content-Length", StringComparison.OrdinalIgnoreCase) || name.Equals("l", StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException("Content-Length is computed from the body.", nameof(name));
        }

        _headers.Add(new(name, value));
        return this;
    }

    public SipRequestBuilder SetBody(string contentType, ReadOnlyMemory<byte> body)
    {
        ArgumentException.ThrowIfNullOrEmpty(contentType);
        ContentType = contentType;
        Body = body;
        return this;
    }

    public void WriteTo(IBufferWriter<byte> output)
    {
        var writer = new SipMessageWriter(output);
        writer.WriteRequestLine(Encoding.UTF8.GetBytes(Method), RequestUri.Bytes.Span);
        if (!_headers.Exists(h => string.Equals(h.Key, "Max-Forwards", StringComparison.OrdinalIgnoreCase)))
        {
            writer.WriteHeader("Max-Forwards"u8, 70);
        }

        foreach (KeyValuePair<string, string> header in _headers)
        {
            writer.WriteHeader(header.Key, header.Value);
        }

        if (ContentType is null)
        {
            writer.EndWithoutBody();
        }
        else
        {
            writer.EndWithBody(Encoding.UTF8.GetBytes(ContentType), Body.Span);
        }
    }

    public override string ToString()
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        WriteTo(buffer);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
