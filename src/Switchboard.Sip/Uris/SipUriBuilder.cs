using System.Buffers;
using System.Text;
using Switchboard.Sip.Writing;

namespace Switchboard.Sip.Uris;

/// <summary>
/// Builds new sip, sips or tel URIs (proxy targets, Record-Route, Contact, registrar bindings) in canonical form:
/// lower-case scheme, components escaped only where the grammar requires, parameters and headers in insertion order.
/// </summary>
public sealed class SipUriBuilder
{
    public SipUriBuilder(UriScheme scheme, string host)
    {
        Scheme = scheme;
        Host = host;
    }

    public UriScheme Scheme { get; set; }

    /// <summary>Unescaped user (sip/sips) or the telephone number (tel).</summary>
    public string? User { get; set; }

    public string? Password { get; set; }

    /// <summary>Host name or IP literal; an IPv6 address is bracketed when written. Ignored for tel.</summary>
    public string Host { get; set; }

    public int? Port { get; set; }

    /// <summary>Parameters in order; a null value writes a flag such as "lr".</summary>
    public List<KeyValuePair<string, string?>> Parameters { get; } = [];

    public List<KeyValuePair<string, string>> Headers { get; } = [];

    /// <summary>Starts from an existing sip, sips or tel URI, unescaping its components.</summary>
    public static SipUriBuilder From(SipUri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        if (uri.Scheme == UriScheme.Other)
        {
            throw new ArgumentException($"Cannot rebuild a '{uri.SchemeName}' URI.", nameof(uri));
        }

        var builder = new SipUriBuilder(uri.Scheme, uri.Host) { User = uri.User, Password = uri.Password, Port = uri.Port };
        builder.Parameters.AddRange(uri.Parameters);
        foreach (KeyValuePair<string, string?> header in uri.Headers)
        {
            builder.Headers.Add(new(header.Key, header.Value ?? string.Empty));
        }

        return builder;
    }

    /// <summary>Replaces the first parameter with this name (ASCII case ignored) or appends it.</summary>
    public SipUriBuilder SetParameter(string name, string? value = null)
    {
        int index = Parameters.FindIndex(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase));
        if (index >= 0)
        {
            Parameters[index] = new(name, value);
        }
        else
        {
            Parameters.Add(new(name, value));
        }

        return this;
    }

    public SipUriBuilder RemoveParameter(string name)
    {
        Parameters.RemoveAll(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase));
        return this;
    }

    public void WriteTo(IBufferWriter<byte> writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(Scheme switch
        {
            UriScheme.Sip => "sip:"u8,
            UriScheme.Sips => "sips:"u8,
            UriScheme.Tel => "tel:"u8,
            _ => throw new InvalidOperationException("The builder writes sip, sips and tel URIs only."),
        });
        if (Scheme == UriScheme.Tel)
        {
            writer.WriteText(User ?? string.Empty);
        }
        else
        {
            WriteUserInfoAndHost(writer);
        }

        foreach (KeyValuePair<string, string?> parameter in Parameters)
        {
            writer.WriteByte((byte)';');
            PercentEncoding.Write(writer, parameter.Key, UriCharClass.ParamChar);
            if (parameter.Value is not null)
            {
                writer.WriteByte((byte)'=');
                PercentEncoding.Write(writer, parameter.Value, UriCharClass.ParamChar);
            }
        }

        for (int i = 0; i < Headers.Count; i++)
        {
            writer.WriteByte(i == 0 ? (byte)'?' : (byte)'&');
            PercentEncoding.Write(writer, Headers[i].Key, UriCharClass.HeaderChar);
            writer.WriteByte((byte)'=');
            PercentEncoding.Write(writer, Headers[i].Value, UriCharClass.HeaderChar);
        }
    }

    /// <summary>Writes and re-parses, so an invalid host, number or empty name fails here with a clear message.</summary>
    public SipUri Build()
    {
        var buffer = new ArrayBufferWriter<byte>(64);
        WriteTo(buffer);
        return SipUri.TryParse(buffer.WrittenSpan, out SipUri? uri)
            ? uri
            : throw new ArgumentException($"The components do not form a valid URI: '{Encoding.UTF8.GetString(buffer.WrittenSpan)}'.");
    }

    public override string ToString()
    {
        var buffer = new ArrayBufferWriter<byte>(64);
        WriteTo(buffer);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private void WriteUserInfoAndHost(IBufferWriter<byte> writer)
    {
        if (User is not null)
        {
            PercentEncoding.Write(writer, User, UriCharClass.User);
            if (Password is not null)
            {
                writer.WriteByte((byte)':');
                PercentEncoding.Write(writer, Password, UriCharClass.Password);
            }

            writer.WriteByte((byte)'@');
        }

        bool bracket = Host.Contains(':') && !Host.StartsWith('[');
        writer.WriteText(bracket ? $"[{Host}]" : Host);
        if (Port is { } port)
        {
            writer.WriteByte((byte)':');
            writer.WriteNumber(port);
        }
    }
}
