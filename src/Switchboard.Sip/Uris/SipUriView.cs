namespace Switchboard.Sip.Uris;

/// <summary>
/// A parsed URI over bytes someone else owns (a receive buffer): the hot-path form, no copy, no allocation.
/// Components are returned escaped; decode with <see cref="PercentEncoding"/> when a string is needed.
/// </summary>
public readonly ref struct SipUriView
{
    public SipUriView(ReadOnlySpan<byte> text, SipUriLayout layout)
    {
        Text = text;
        Layout = layout;
    }

    public ReadOnlySpan<byte> Text { get; }

    public SipUriLayout Layout { get; }

    public UriScheme Scheme => Layout.Scheme;

    public bool IsSecure => Layout.Scheme == UriScheme.Sips;

    public ReadOnlySpan<byte> SchemeName => Layout.SchemeName.Of(Text);

    public bool HasUser => Layout.User.IsPresent;

    /// <summary>The user part (sip/sips) or the telephone number (tel), escaped.</summary>
    public ReadOnlySpan<byte> User => Layout.User.Of(Text);

    public bool HasPassword => Layout.Password.IsPresent;

    public ReadOnlySpan<byte> Password => Layout.Password.Of(Text);

    /// <summary>The host as written (IPv6 keeps its brackets).</summary>
    public ReadOnlySpan<byte> Host => Layout.Host.Of(Text);

    public UriHostKind HostKind => Layout.HostKind;

    /// <summary>The explicit port, or -1.</summary>
    public int Port => Layout.Port;

    public ReadOnlySpan<byte> Opaque => Layout.Opaque.Of(Text);

    public UriParameterEnumerator Parameters => new(Layout.Parameters.Of(Text), (byte)';');

    public UriParameterEnumerator Headers => new(Layout.Headers.Of(Text), (byte)'&');

    /// <summary>True for a loose-routing URI (";lr" present, RFC 3261 §16.4).</summary>
    public bool IsLooseRouting => HasParameter("lr"u8);

    public static bool TryParse(ReadOnlySpan<byte> text, out SipUriView view)
    {
        bool ok = SipUriLayout.TryParse(text, out SipUriLayout layout);
        view = ok ? new SipUriView(text, layout) : default;
        return ok;
    }

    public bool HasParameter(ReadOnlySpan<byte> name) => TryGetParameter(name, out _);

    /// <summary>Finds the first parameter whose unescaped name equals <paramref name="name"/> (ASCII case ignored).</summary>
    public bool TryGetParameter(ReadOnlySpan<byte> name, out UriParameter parameter)
    {
        foreach (UriParameter candidate in Parameters)
        {
            if (candidate.NameIs(name))
            {
                parameter = candidate;
                return true;
            }
        }

        parameter = default;
        return false;
    }

    public bool TryGetHeader(ReadOnlySpan<byte> name, out UriParameter header)
    {
        foreach (UriParameter candidate in Headers)
        {
            if (candidate.NameIs(name))
            {
                header = candidate;
                return true;
            }
        }

        header = default;
        return false;
    }
}
