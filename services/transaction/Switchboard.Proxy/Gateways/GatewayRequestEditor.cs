using System.Text;
using Switchboard.Auth.Digest;
using Switchboard.Contracts.Gateway;
using Switchboard.Contracts.Sip;
using Switchboard.Proxy.Routing;

namespace Switchboard.Proxy.Gateways;

/// <summary>The edits of requests towards a gateway: the caller identity, and the re-sent request that answers a challenge.</summary>
public static class GatewayRequestEditor
{
    /// <summary>Adds P-Asserted-Identity (when absent) or rewrites the From URI, per <paramref name="mode"/>.</summary>
    public static void ApplyCallerIdentity(SipTextMessage request, GatewaySettings gateway, CallerIdentityMode mode)
    {
        string host = GatewayDomain.Split(gateway.Domain).Host;
        string? from = request.GetFirst("From");
        if (mode == CallerIdentityMode.None || from is null)
        {
            return;
        }

        if (mode == CallerIdentityMode.PAssertedIdentity)
        {
            if (request.GetFirst("P-Asserted-Identity") is null && UserOf(UriOf(from)) is { Length: > 0 } user)
            {
                request.Add("P-Asserted-Identity", $"<sip:{user}@{host}>");
            }

            return;
        }

        string uri = UriOf(from);
        request.ReplaceFirst("From", from.Replace(uri, $"sip:{gateway.Username}@{host}", StringComparison.Ordinal));
    }

    /// <summary>Adds our Record-Route on top unless one of the request's Record-Route values is already ours.</summary>
    public static void EnsureRecordRoute(SipTextMessage request, ProxyIdentity identity, SipTransport transport)
    {
        foreach (string value in request.GetValues("Record-Route"))
        {
            foreach (string element in value.Split(','))
            {
                if (identity.IsUs(Encoding.ASCII.GetBytes(UriOf(element.Trim()))))
                {
                    return;
                }
            }
        }

        request.AddFirst("Record-Route", Encoding.ASCII.GetString(identity.CreateRecordRoute(transport, null)));
    }

    /// <summary>
    /// The request re-sent with credentials for <paramref name="challengeResponse"/> (a 401 or 407): new branch in
    /// our top Via, CSeq + 1, earlier credentials of the same header replaced. Null when no Digest challenge can be
    /// answered.
    /// </summary>
    public static SipTextMessage? Answer(
        SipTextMessage request, SipTextMessage challengeResponse, int statusCode, DigestClient digest, string oldBranch, string newBranch)
    {
        var (challengeHeader, credentialsHeader) = statusCode == 407
            ? ("Proxy-Authenticate", "Proxy-Authorization")
            : ("WWW-Authenticate", "Authorization");
        string? challenge = DigestClient.SelectChallenge(challengeResponse.GetValues(challengeHeader));
        string[] startLine = request.StartLine.Split(' ');
        if (challenge is null || startLine.Length != 3 || request.GetFirst("Via") is not { } via
            || !digest.TryCreateAuthorization(challenge, startLine[0], startLine[1], request.Body, out string? credentials, out _))
        {
            return null;
        }

        var retry = SipTextMessage.TryParse(request.ToBytes())!;
        retry.ReplaceFirst("Via", via.Replace("branch=" + oldBranch, "branch=" + newBranch, StringComparison.Ordinal));
        retry.ShiftCSeq(1);
        retry.Remove(credentialsHeader);
        retry.Add(credentialsHeader, credentials);
        return retry;
    }

    /// <summary>The URI of a name-addr or addr-spec value (inside &lt;&gt;, else up to the first ';').</summary>
    public static string UriOf(string value)
    {
        int open = value.IndexOf('<');
        int close = open >= 0 ? value.IndexOf('>', open) : -1;
        if (close > open)
        {
            return value[(open + 1)..close];
        }

        int semicolon = value.IndexOf(';');
        return (semicolon < 0 ? value : value[..semicolon]).Trim();
    }

    /// <summary>The tag parameter of a From/To value (after the URI), or null.</summary>
    public static string? TagOf(string value)
    {
        int close = value.IndexOf('>');
        string parameters = close >= 0 ? value[(close + 1)..] : value;
        foreach (string part in parameters.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (part.StartsWith("tag=", StringComparison.OrdinalIgnoreCase))
            {
                return part[4..];
            }
        }

        return null;
    }

    private static string? UserOf(string uri)
    {
        int colon = uri.IndexOf(':');
        int at = uri.IndexOf('@');
        return colon >= 0 && at > colon ? uri[(colon + 1)..at].Split(';')[0] : null;
    }
}
