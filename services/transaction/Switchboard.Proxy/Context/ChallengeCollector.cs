using System.Text;
using Switchboard.Sip;

namespace Switchboard.Proxy.Context;

/// <summary>
/// RFC 3261 §16.7 step 7: when the best response is a 401 or 407, the challenges of every other 401/407 in the
/// context are added to it, so the caller can answer all the realms at once.
/// </summary>
public static class ChallengeCollector
{
    public static List<KeyValuePair<string, string>> Collect(IEnumerable<SipMessage> others)
    {
        ArgumentNullException.ThrowIfNull(others);
        var extra = new List<KeyValuePair<string, string>>();
        foreach (SipMessage response in others)
        {
            if (response.StatusCode is not (401 or 407))
            {
                continue;
            }

            foreach (SipHeader header in response.Headers)
            {
                if (header.Kind == HeaderKind.WwwAuthenticate)
                {
                    extra.Add(new("WWW-Authenticate", Encoding.UTF8.GetString(response.GetValue(header))));
                }
                else if (header.Kind == HeaderKind.ProxyAuthenticate)
                {
                    extra.Add(new("Proxy-Authenticate", Encoding.UTF8.GetString(response.GetValue(header))));
                }
            }
        }

        return extra;
    }
}
