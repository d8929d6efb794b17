namespace Switchboard.Router.Routing;

/// <summary>
/// Checks the text of a Router record target. Targets are an address (<c>user@domain</c>, <c>sip:...</c>
/// URI, or a bare user in the same domain), a gateway <c>user@gateway:name</c>, or a refusal
/// <c>error[:code [reason]]</c> (code 400-699; 404 when omitted).
/// </summary>
internal static class RouterTargetText
{
    public const string GatewayPrefix = "gateway:";

    public static bool TryValidate(string target, bool patternHasWildcard, out string error)
    {
        error = "";
        if (target.Length == 0)
            error = "missing target after '='";
        else if (IsError(target))
            TryParseError(target, out _, out _, out error);
        else if (target.AsSpan().IndexOfAny(" \t<>") >= 0)
            error = $"invalid character in target '{target}'";
        else if (target.Contains('*') && !patternHasWildcard)
            error = "target uses '*' but the pattern has no '*'";
        else if (target.EndsWith('@') || target.EndsWith(GatewayPrefix, StringComparison.OrdinalIgnoreCase))
            error = $"incomplete target '{target}'";
        return error.Length == 0;
    }

    public static bool IsError(string target) =>
        target.Equals("error", StringComparison.OrdinalIgnoreCase)
        || target.StartsWith("error:", StringComparison.OrdinalIgnoreCase);

    public static bool TryParseError(string target, out int code, out string reason, out string error)
    {
        code = 404;
        reason = "";
        error = "";
        if (target.Length <= "error:".Length)
            return true;
        var rest = target["error:".Length..].Trim();
        var space = rest.IndexOf(' ');
        var codeText = space < 0 ? rest : rest[..space];
        reason = space < 0 ? "" : rest[(space + 1)..].Trim();
        if (!int.TryParse(codeText, out code) || code is < 400 or > 699)
        {
            error = $"invalid status code '{codeText}' in error target (expected 400-699)";
            return false;
        }
        return true;
    }
}
