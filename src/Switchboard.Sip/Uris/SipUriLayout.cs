namespace Switchboard.Sip.Uris;

/// <summary>
/// Where each component of a parsed URI lies in its text: ranges only, so parsing allocates nothing.
/// For tel URIs <see cref="User"/> holds the number; for other schemes <see cref="Opaque"/> holds what follows the colon.
/// </summary>
public readonly struct SipUriLayout
{
    public UriScheme Scheme { get; init; }

    public UriRange SchemeName { get; init; }

    public UriRange User { get; init; }

    public UriRange Password { get; init; }

    public UriRange Host { get; init; }

    public UriHostKind HostKind { get; init; }

    /// <summary>The port, or -1 when the URI has none.</summary>
    public int Port { get; init; }

    /// <summary>The uri-parameters without the first ';' (may still be absent).</summary>
    public UriRange Parameters { get; init; }

    /// <summary>The headers without the '?'.</summary>
    public UriRange Headers { get; init; }

    public UriRange Opaque { get; init; }

    /// <summary>Parses a sip, sips, tel or other absolute URI; false on any grammar error.</summary>
    public static bool TryParse(ReadOnlySpan<byte> text, out SipUriLayout layout) => UriParser.TryParse(text, out layout);
}
