namespace Switchboard.Router.Resolution;

internal static class UriText
{
    /// <summary>"bob@x.dom" → "sip:bob@x.dom"; URIs with a sip/sips scheme are kept as they are.</summary>
    public static string From(string address)
    {
        var text = address.Trim();
        if (text.Length > 1 && text[0] == '<' && text[^1] == '>')
            text = text[1..^1];
        return text.StartsWith("sip:", StringComparison.OrdinalIgnoreCase) || text.StartsWith("sips:", StringComparison.OrdinalIgnoreCase)
            ? text
            : "sip:" + text;
    }
}
