namespace Switchboard.Router.Routing;

/// <summary>
/// Parses Router table text, one record per line:
/// <c>[Mail:|Access:|Signal:|Live:]&lt;pattern&gt; = target</c>, or a domain record <c>old.dom = new.dom</c>
/// (shorthand for <c>&lt;*@old.dom&gt; = *@new.dom</c>). A ';' at the start of a line or after
/// whitespace starts a comment (so <c>sip:x@y;transport=tcp</c> targets keep their parameters).
/// </summary>
public static class RouterTableParser
{
    public static RouterTableParseResult Parse(string text)
    {
        var records = new List<RouterRecord>();
        var errors = new List<RouterTableError>();
        var lineNumber = 0;
        foreach (var rawLine in text.Split('\n'))
        {
            lineNumber++;
            var line = StripComment(rawLine).Trim();
            if (line.Length == 0)
                continue;
            if (TryParseLine(line, lineNumber, out var record, out var error))
                records.Add(record!);
            else
                errors.Add(new RouterTableError(lineNumber, error));
        }
        return errors.Count == 0
            ? new RouterTableParseResult(new RouterTable(text, records), errors)
            : new RouterTableParseResult(null, errors);
    }

    internal static bool TryParseLine(string line, int lineNumber, out RouterRecord? record, out string error)
    {
        record = null;
        if (!TrySplitPrefix(ref line, out var traffic, out error))
            return false;
        var equals = line.IndexOf('=');
        if (equals < 0)
        {
            error = "expected '<pattern> = target'";
            return false;
        }
        var left = line[..equals].Trim();
        var target = line[(equals + 1)..].Trim();
        if (!TryReadPattern(left, ref target, out var patternText, out error))
            return false;
        if (!RouterPattern.TryCreate(patternText, out var pattern, out error))
            return false;
        if (!RouterTargetText.TryValidate(target, pattern!.HasWildcard, out error))
            return false;
        record = new RouterRecord(traffic, pattern, target, lineNumber);
        return true;
    }

    private static bool TrySplitPrefix(ref string line, out RouterTraffic traffic, out string error)
    {
        traffic = RouterTraffic.All;
        error = "";
        var colon = line.IndexOf(':');
        var stop = line.IndexOfAny(['<', '=']);
        if (colon < 0 || (stop >= 0 && colon > stop))
            return true;
        var name = line[..colon].Trim();
        traffic = name.ToLowerInvariant() switch
        {
            "mail" => RouterTraffic.Mail,
            "access" => RouterTraffic.Access,
            "signal" => RouterTraffic.Signal,
            "live" => RouterTraffic.Live,
            _ => RouterTraffic.None,
        };
        if (traffic == RouterTraffic.None)
        {
            error = $"unknown record prefix '{name}:' (expected Mail:, Access:, Signal: or Live:)";
            return false;
        }
        line = line[(colon + 1)..].TrimStart();
        return true;
    }

    private static bool TryReadPattern(string left, ref string target, out string pattern, out string error)
    {
        pattern = "";
        error = "";
        if (left.StartsWith('<'))
        {
            if (!left.EndsWith('>') || left.Length < 3)
                error = $"pattern '{left}' must be written as <pattern>";
            else
                pattern = left[1..^1].Trim();
            return error.Length == 0;
        }
        // A domain record: rewrite every address of one domain into another domain.
        if (left.Length == 0 || left.AsSpan().IndexOfAny("@*<> \t") >= 0 || target.AsSpan().IndexOfAny("@*<> \t") >= 0)
        {
            error = left.Length == 0 ? "missing pattern before '='" : $"expected <pattern> or a domain record 'domain = domain', found '{left}'";
            return false;
        }
        pattern = "*@" + left.ToLowerInvariant();
        target = "*@" + target.ToLowerInvariant();
        return true;
    }

    private static string StripComment(string line)
    {
        for (var i = 0; i < line.Length; i++)
        {
            if (line[i] == ';' && (i == 0 || char.IsWhiteSpace(line[i - 1])))
                return line[..i];
        }
        return line;
    }
}
