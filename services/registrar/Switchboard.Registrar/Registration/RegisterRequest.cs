using Switchboard.Registrar.Location;

namespace Switchboard.Registrar.Registration;

/// <summary>The parts of a REGISTER the registrar needs, filled by the host from a parsed message.</summary>
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
    Flow Flow)
{
    internal bool Supports(string optionTag)
    {
        for (var i = 0; i < Supported.Count; i++)
        {
            if (string.Equals(Supported[i], optionTag, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }
        return false;
    }
}
