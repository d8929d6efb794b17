using System.Globalization;
using Switchboard.Sip.Uris;

namespace Switchboard.GatewayRegistrar.Registration;

/// <summary>
/// One Contact element of a response as text: the URI (inside &lt;&gt; or up to the first ';') and its expires
/// parameter. Enough to find our binding in a registrar's 200 (RFC 3261 §10.2.4); not a general header parser.
/// </summary>
internal readonly record struct ContactValue(string Uri, int? Expires)
{
    public static ContactValue Parse(string value)
    {
        var text = value.Trim();
        string uri;
        string parameters;
        var open = IndexOutsideQuotes(text, '<');
        if (open >= 0 && text.IndexOf('>', open) is var close and > 0)
        {
            uri = text[(open + 1)..close];
            parameters = text[(close + 1)..];
        }
        else
        {
            var semicolon = text.IndexOf(';');
            uri = semicolon < 0 ? text : text[..semicolon];
            parameters = semicolon < 0 ? "" : text[semicolon..];
        }

        return new ContactValue(uri.Trim(), ExpiresParameter(parameters));
    }

    public bool Matches(string contactUri)
    {
        if (SipUri.TryParse(Uri, out var mine) && SipUri.TryParse(contactUri, out var ours))
        {
            return mine.Equals(ours);
        }

        return string.Equals(Uri, contactUri, StringComparison.OrdinalIgnoreCase);
    }

    private static int? ExpiresParameter(string parameters)
    {
        foreach (var part in parameters.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = part.IndexOf('=');
            if (equals > 0 && part[..equals].Trim().Equals("expires", StringComparison.OrdinalIgnoreCase)
                && int.TryParse(part[(equals + 1)..].Trim().Trim('"'), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
            {
                return seconds;
            }
        }

        return null;
    }

    private static int IndexOutsideQuotes(string text, char wanted)
    {
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '"' && (i == 0 || text[i - 1] != '\\'))
            {
                quoted = !quoted;
            }
            else if (!quoted && text[i] == wanted)
            {
                return i;
            }
        }

        return -1;
    }
}
