namespace Switchboard.Contracts.Registrar;

/// <summary>The parts of an authenticated REGISTER the registrar needs.</summary>
/// <param name="Aor">Normalized address-of-record, <c>sip:user@domain</c>.</param>
/// <param name="Expires">The Expires header value, or null when absent.</param>
/// <param name="Contacts">Every Contact value in order; empty for a query REGISTER.</param>
/// <param name="Path">Path header values in order (top first), as received.</param>
/// <param name="Supported">Supported option tags (e.g. <c>path</c>, <c>outbound</c>).</param>
public sealed record RegisterRequest(
    string Aor,
    string CallId,
    long CSeq,
    long? Expires,
    IReadOnlyList<RegisterContact> Contacts,
    IReadOnlyList<string> Path,
    IReadOnlyList<string> Supported,
    RegistrationFlow Flow);
