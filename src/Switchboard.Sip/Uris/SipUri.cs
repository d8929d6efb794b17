using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace Switchboard.Sip.Uris;

/// <summary>
/// A sip, sips, tel or other-scheme URI that owns a copy of its bytes (for bindings, routes, targets).
/// The original bytes are kept as received and written back unchanged; components are decoded on demand.
/// Equality follows RFC 3261 §19.1.4 (sip/sips) and RFC 3966 §4 (tel); see <see cref="SipUriComparer"/>.
/// </summary>
public sealed class SipUri : IEquatable<SipUri>
{
    private readonly byte[] _text;
    private readonly SipUriLayout _layout;

    private SipUri(byte[] text, SipUriLayout layout)
    {
        _text = text;
        _layout = layout;
    }

    public SipUriView View => new(_text, _layout);

    public ReadOnlyMemory<byte> Bytes => _text;

    public UriScheme Scheme => _layout.Scheme;

    public bool IsSecure => _layout.Scheme == UriScheme.Sips;

    public string SchemeName => Encoding.ASCII.GetString(_layout.SchemeName.Of(_text));

    /// <summary>The unescaped user part (sip/sips) or telephone number (tel); null when absent.</summary>
    public string? User => _layout.User.IsPresent ? PercentEncoding.Decode(_layout.User.Of(_text)) : null;

    public string? Password => _layout.Password.IsPresent ? PercentEncoding.Decode(_layout.Password.Of(_text)) : null;

    /// <summary>The host as written (IPv6 in brackets); empty for tel and other schemes.</summary>
    public string Host => Encoding.ASCII.GetString(_layout.Host.Of(_text));

    public UriHostKind HostKind => _layout.HostKind;

    /// <summary>The explicit port, or null.</summary>
    public int? Port => _layout.Port >= 0 ? _layout.Port : null;

    /// <summary>The port to use when none is written: 5061 for sips or transport=tls, otherwise 5060.</summary>
    public int EffectivePort => _layout.Port >= 0 ? _layout.Port
        : IsSecure || string.Equals(Transport, "tls", StringComparison.OrdinalIgnoreCase) ? 5061 : 5060;

    public string? Transport => GetParameter("transport");

    public string? UserParameter => GetParameter("user");

    public string? Method => GetParameter("method");

    public string? Maddr => GetParameter("maddr");

    public int? Ttl => int.TryParse(GetParameter("ttl"), out int ttl) && ttl is >= 0 and <= 255 ? ttl : null;

    public bool IsLooseRouting => View.IsLooseRouting;

    /// <summary>What follows the colon for other schemes (the 416 case).</summary>
    public string? Opaque => _layout.Opaque.IsPresent ? Encoding.UTF8.GetString(_layout.Opaque.Of(_text)) : null;

    /// <summary>The parameters in order, unescaped; a null value means the parameter has no "=value".</summary>
    public IReadOnlyList<KeyValuePair<string, string?>> Parameters => Decode(View.Parameters);

    /// <summary>The URI headers ("?h=v&amp;...") in order, unescaped.</summary>
    public IReadOnlyList<KeyValuePair<string, string?>> Headers => Decode(View.Headers);

    public static bool TryParse(ReadOnlySpan<byte> text, [NotNullWhen(true)] out SipUri? uri)
    {
        if (!SipUriLayout.TryParse(text, out SipUriLayout layout))
        {
            uri = null;
            return false;
        }

        uri = new SipUri(text.ToArray(), layout);
        return true;
    }

    public static bool TryParse(string text, [NotNullWhen(true)] out SipUri? uri)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > 8192 || !Ascii.IsValid(text))
        {
            uri = null;
            return false; // URIs are ASCII on the wire; non-ASCII must arrive escaped
        }

        return TryParse(Encoding.ASCII.GetBytes(text), out uri);
    }

    public static SipUri Parse(string text) =>
        TryParse(text, out SipUri? uri) ? uri : throw new FormatException($"Not a valid URI: '{text}'.");

    /// <summary>Returns the unescaped value of the first parameter named <paramref name="name"/> ("" for a flag), or null.</summary>
    public string? GetParameter(string name)
    {
        Span<byte> ascii = stackalloc byte[64];
        if (name.Length > ascii.Length || Encoding.ASCII.GetBytes(name, ascii) != name.Length)
        {
            return null;
        }

        return View.TryGetParameter(ascii[..name.Length], out UriParameter p)
            ? (p.HasValue ? PercentEncoding.Decode(p.Value) : string.Empty)
            : null;
    }

    public bool HasParameter(string name) => GetParameter(name) is not null;

    public void WriteTo(IBufferWriter<byte> writer) => writer.Write(_text);

    /// <summary>The bytes as received: a proxy never rewrites a URI it only passes on.</summary>
    public override string ToString() => Encoding.UTF8.GetString(_text);

    /// <summary>
    /// A normalised spelling for logs, keys and new headers: lower-case scheme and host, escapes only where the
    /// grammar needs them, parameters and headers in their original order.
    /// </summary>
    public void WriteCanonicalTo(IBufferWriter<byte> writer) => SipUriCanonicalWriter.Write(writer, View);

    public string ToCanonicalString()
    {
        var buffer = new ArrayBufferWriter<byte>(_text.Length + 16);
        WriteCanonicalTo(buffer);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public bool Equals(SipUri? other) => SipUriComparer.Instance.Equals(this, other);

    public override bool Equals(object? obj) => obj is SipUri other && Equals(other);

    public override int GetHashCode() => SipUriComparer.Instance.GetHashCode(this);

    private static List<KeyValuePair<string, string?>> Decode(UriParameterEnumerator items)
    {
        var list = new List<KeyValuePair<string, string?>>();
        foreach (UriParameter item in items)
        {
            list.Add(new(PercentEncoding.Decode(item.Name), item.HasValue ? PercentEncoding.Decode(item.Value) : null));
        }

        return list;
    }
}
