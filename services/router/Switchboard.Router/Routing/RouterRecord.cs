using Switchboard.Router.Addressing;

namespace Switchboard.Router.Routing;

/// <summary>One Router table record <c>[Prefix:]&lt;pattern&gt; = target</c>, with the line it came from.</summary>
public sealed record RouterRecord(RouterTraffic Traffic, RouterPattern Pattern, string Target, int Line)
{
    public bool AppliesTo(RouterTraffic traffic) => (Traffic & traffic) != 0;

    /// <summary>The rewritten target when the record matches, with '*' replaced by the capture.</summary>
    public bool TryRewrite(SipAddress address, RouterTraffic traffic, Func<string, bool> isLocalDomain, out string target)
    {
        target = "";
        if (!AppliesTo(traffic) || !Pattern.TryMatch(address, isLocalDomain, out var capture))
            return false;
        target = Pattern.HasWildcard ? Target.Replace("*", capture, StringComparison.Ordinal) : Target;
        return true;
    }

    public override string ToString()
    {
        var prefix = Traffic == RouterTraffic.All ? "" : $"{Traffic}:";
        return $"{prefix}{Pattern} = {Target}";
    }
}
