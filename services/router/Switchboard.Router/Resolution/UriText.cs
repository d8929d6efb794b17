namespace Switchboard.Router.Resolution;

internal static class UriText
{
    /// <summary>The port written in a URI's host part ("sip:bob@10.0.0.1:5070;lr" → 5070), or null when none is.</summary>
    public static int? ExplicitPort(string uri)
    {
        var text = uri.AsSpan().Trim();
        if (text.Length > 1 && text[0] == '<')
            text = text[1..];
        Addressing.SipAddress.StripScheme(ref text);
        var end = text.IndexOfAny(';', '?', '>');
        if (end >= 0)
            text = text[..end];
        text = text[(text.LastIndexOf('@') + 1)..];
        if (text.StartsWith("["))
        {
            var close = text.IndexOf(']');
            text = close < 0 ? [] : text[(close + 1)..];
        }
        var colon = text.IndexOf(':');
        return colon >= 0 && int.TryParse(text[(colon + 1)..], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var port)
            ? port
            : null;
    }

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
