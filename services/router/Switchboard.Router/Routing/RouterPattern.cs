using Switchboard.Router.Addressing;

namespace Switchboard.Router.Routing;

/// <summary>
/// The <c>&lt;...&gt;</c> part of a Router record with at most one <c>*</c>. A pattern with '@'
/// matches the whole <c>user@domain</c>; one without '@' matches the user part of addresses in
/// local domains (CommuniGate Pro matches such patterns in the main domain; we take every local
/// domain because a SIP server usually hosts several).
/// </summary>
public sealed class RouterPattern
{
    private readonly string _prefix;
    private readonly string _suffix;

    private RouterPattern(string text, bool matchesDomain, bool hasWildcard, string prefix, string suffix)
    {
        Text = text;
        MatchesDomain = matchesDomain;
        HasWildcard = hasWildcard;
        _prefix = prefix;
        _suffix = suffix;
    }

    public string Text { get; }

    public bool MatchesDomain { get; }

    public bool HasWildcard { get; }

    public static bool TryCreate(string text, out RouterPattern? pattern, out string error)
    {
        pattern = null;
        error = "";
        var star = text.IndexOf('*');
        if (text.Length == 0)
            error = "empty pattern";
        else if (star >= 0 && text.IndexOf('*', star + 1) >= 0)
            error = "a pattern may contain only one '*'";
        else if (text.AsSpan().IndexOfAny(" \t<>=") >= 0)
            error = $"invalid character in pattern '{text}'";
        if (error.Length > 0)
            return false;
        var matchesDomain = text.Contains('@');
        pattern = star < 0
            ? new RouterPattern(text, matchesDomain, false, text, "")
            : new RouterPattern(text, matchesDomain, true, text[..star], text[(star + 1)..]);
        return true;
    }

    /// <summary>Matches the address; <paramref name="capture"/> is what '*' stood for ("" without '*').</summary>
    public bool TryMatch(SipAddress address, Func<string, bool> isLocalDomain, out string capture)
    {
        capture = "";
        string subject;
        if (MatchesDomain)
        {
            if (!address.HasDomain)
                return false;
            subject = address.ToString();
        }
        else
        {
            if (address.HasDomain && !isLocalDomain(address.Domain))
                return false;
            subject = address.User;
        }
        if (!HasWildcard)
            return subject.Equals(_prefix, StringComparison.OrdinalIgnoreCase);
        if (subject.Length < _prefix.Length + _suffix.Length
            || !subject.StartsWith(_prefix, StringComparison.OrdinalIgnoreCase)
            || !subject.EndsWith(_suffix, StringComparison.OrdinalIgnoreCase))
            return false;
        capture = subject[_prefix.Length..^_suffix.Length];
        return true;
    }

    public override string ToString() => $"<{Text}>";
}
