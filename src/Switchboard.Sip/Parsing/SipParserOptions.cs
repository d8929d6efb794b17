namespace Switchboard.Sip.Parsing;

/// <summary>
/// Limits that keep a hostile peer from making us buffer without bound. Past a limit the message is refused:
/// 513 (Message Too Large, RFC 3261 §21.5.14) for the whole message, its header section, line length or header
/// count; 413 (Request Entity Too Large, §21.4.11) when only the body is too large.
/// </summary>
public sealed class SipParserOptions
{
    /// <summary>Whole message (start line + headers + body). UDP datagrams cannot exceed 65,535 anyway.</summary>
    public int MaxMessageSize { get; set; } = 65_535;

    /// <summary>Entries in the header index (list headers count one per value).</summary>
    public int MaxHeaderCount { get; set; } = 256;

    /// <summary>One physical line of the start line or the header section, CRLF excluded.</summary>
    public int MaxLineLength { get; set; } = 8_192;

    public int MaxBodySize { get; set; } = 60_000;
}
