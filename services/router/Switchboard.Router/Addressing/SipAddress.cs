namespace Switchboard.Router.Addressing;

/// <summary>
/// A routing address: user part and lower-case domain, without scheme, port or parameters.
/// The user part keeps its case (SIP user parts are case-sensitive); the domain does not.
/// </summary>
public readonly record struct SipAddress(string User, string Domain)
{
    public bool HasDomain => Domain.Length > 0;

    /// <summary>
    /// Parses "user@domain", "sip:user@domain:port;params" or a bare local part ("9123").
    /// A URI with a scheme but no '@' is a host-only address (empty user).
    /// </summary>
    public static bool TryParse(string? text, out SipAddress address)
    {
        address = default;
        if (string.IsNullOrWhiteSpace(text))
            return false;
        var span = text.AsSpan().Trim();
        if (span.Length > 1 && span[0] == '<' && span[^1] == '>')
            span = span[1..^1];
        var hasScheme = StripScheme(ref span);
        var end = span.IndexOfAny(';', '?', '>');
        if (end >= 0)
            span = span[..end];
        var at = span.LastIndexOf('@');
        if (at < 0)
        {
            if (hasScheme)
            {
                var hostOnly = HostWithoutPort(span);
                address = new SipAddress("", hostOnly);
                return hostOnly.Length > 0;
            }
            if (span.IsEmpty || span.ContainsAny(' ', '\t', ':'))
                return false;
            address = new SipAddress(span.ToString(), "");
            return true;
        }
        var user = span[..at];
        var host = HostWithoutPort(span[(at + 1)..]);
        if (user.ContainsAny(' ', '\t') || host.Length == 0 || host.Contains(' '))
            return false;
        address = new SipAddress(user.ToString(), host);
        return true;
    }

    public static SipAddress Parse(string text) =>
        TryParse(text, out var address) ? address : throw new FormatException($"Not a SIP address: '{text}'.");

    /// <summary>Removes "sip:" or "sips:" and says whether one was there.</summary>
    internal static bool StripScheme(ref ReadOnlySpan<char> span)
    {
        if (span.StartsWith("sip:", StringComparison.OrdinalIgnoreCase))
        {
            span = span[4..];
            return true;
        }
        if (span.StartsWith("sips:", StringComparison.OrdinalIgnoreCase))
        {
            span = span[5..];
            return true;
        }
        return false;
    }

    private static string HostWithoutPort(ReadOnlySpan<char> host)
    {
        if (host.StartsWith("["))
        {
            var close = host.IndexOf(']');
            return close < 0 ? "" : host[..(close + 1)].ToString().ToLowerInvariant();
        }
        var colon = host.IndexOf(':');
        if (colon >= 0)
            host = host[..colon];
        return host.ToString().ToLowerInvariant();
    }

    public override string ToString() => HasDomain ? $"{User}@{Domain}" : User;
}
