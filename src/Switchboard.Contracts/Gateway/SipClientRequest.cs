namespace Switchboard.Contracts.Gateway;

/// <summary>
/// A request sent as a UAC. The caller writes the dialog fields (From with tag, To, Call-ID, CSeq, Contact) and any
/// other header; the transaction layer adds its own Via (sent-by and a new branch), Max-Forwards when absent, and
/// Content-Length, and sends it through a client transaction (RFC 3261 §17.1) to <see cref="Destination"/>.
/// </summary>
public sealed record SipClientRequest(
    string Method,
    string RequestUri,
    IReadOnlyList<SipHeaderField> Headers,
    SipClientDestination Destination,
    ReadOnlyMemory<byte> Body = default,
    string? ContentType = null);
