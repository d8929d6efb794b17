using System.Collections.Frozen;
using System.Text;
using Switchboard.Contracts.Gateway;
using Switchboard.Sip;

namespace Switchboard.Signal.Client;

/// <summary>
/// A final response as a <see cref="SipClientResponse"/>: every header under its long name (compact forms expanded,
/// RFC 3261 §7.3.3 and the extensions' letters), list headers one element per field as the parser indexes them.
/// </summary>
internal static class ClientResponseReader
{
    private static readonly FrozenDictionary<char, string> LongNames = new Dictionary<char, string>
    {
        ['i'] = "Call-ID", ['m'] = "Contact", ['e'] = "Content-Encoding", ['l'] = "Content-Length",
        ['c'] = "Content-Type", ['f'] = "From", ['s'] = "Subject", ['k'] = "Supported", ['t'] = "To", ['v'] = "Via",
        ['o'] = "Event", ['u'] = "Allow-Events", ['r'] = "Refer-To", ['b'] = "Referred-By", ['x'] = "Session-Expires",
        ['y'] = "Identity", ['j'] = "Reject-Contact", ['a'] = "Accept-Contact", ['d'] = "Request-Disposition",
    }.ToFrozenDictionary();

    public static SipClientResponse Read(SipMessage response)
    {
        var headers = new List<SipHeaderField>(response.HeaderCount);
        foreach (SipHeader header in response.Headers)
        {
            string name = Encoding.UTF8.GetString(response.GetName(header));
            if (name.Length == 1 && LongNames.TryGetValue(char.ToLowerInvariant(name[0]), out string? longName))
            {
                name = longName;
            }

            headers.Add(new SipHeaderField(name, Encoding.UTF8.GetString(response.GetValue(header)).Trim()));
        }

        return SipClientResponse.Final(response.StatusCode, response.GetString(response.ReasonPhrase) ?? "", headers);
    }
}
