using System.Globalization;
using Switchboard.Contracts.Gateway;

namespace Switchboard.GatewayRegistrar.Registration;

/// <summary>Reads what the loop needs from a REGISTER response: granted expiry, Min-Expires, Retry-After.</summary>
internal static class RegisterResponseReader
{
    /// <summary>
    /// RFC 3261 §10.2.4: the expires parameter of our Contact in the 200, else the Expires header, else what was asked.
    /// When the gateway rewrote our Contact (NAT helpers do), a lone Contact with an expires parameter is taken as ours.
    /// </summary>
    public static TimeSpan GrantedExpiry(SipClientResponse response, string contactUri, int requested)
    {
        var contacts = response.GetValues("Contact").Select(ContactValue.Parse).ToList();
        foreach (var contact in contacts)
        {
            if (contact.Matches(contactUri) && contact.Expires is { } expires)
            {
                return TimeSpan.FromSeconds(expires);
            }
        }

        if (contacts.Count == 1 && contacts[0].Expires is { } only)
        {
            return TimeSpan.FromSeconds(only);
        }

        return TimeSpan.FromSeconds(Seconds(response, "Expires") ?? requested);
    }

    public static int? MinExpires(SipClientResponse response) => Seconds(response, "Min-Expires");

    /// <summary>Retry-After delta-seconds (comment and duration parameter ignored).</summary>
    public static TimeSpan? RetryAfter(SipClientResponse response)
    {
        var value = response.GetFirst("Retry-After");
        if (value is null)
        {
            return null;
        }

        var end = value.IndexOfAny([' ', ';', '(', '\t']);
        return int.TryParse(end < 0 ? value : value[..end], NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            ? TimeSpan.FromSeconds(seconds)
            : null;
    }

    private static int? Seconds(SipClientResponse response, string header) =>
        int.TryParse(response.GetFirst(header)?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) ? seconds : null;
}
