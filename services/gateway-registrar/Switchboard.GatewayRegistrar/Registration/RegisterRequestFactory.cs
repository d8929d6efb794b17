using System.Globalization;
using Switchboard.Contracts.Gateway;
using Switchboard.GatewayRegistrar.Gateways;

namespace Switchboard.GatewayRegistrar.Registration;

/// <summary>
/// Writes the fields of one REGISTER (RFC 3261 §10.2): Request-URI = the gateway's domain, From = To = user@domain,
/// a stable Call-ID and From tag, the CSeq given, our Contact and Expires, and the credentials when there are some.
/// </summary>
internal sealed class RegisterRequestFactory(GatewayAddress address, string username, string contactUri, string userAgent)
{
    private readonly string _addressOfRecord = $"<sip:{username}@{address.HostPort}>";

    public string CallId { get; } = $"{RandomToken.Create(16)}@switchboard";

    public string FromTag { get; } = RandomToken.Create(8);

    public string RequestUri => address.RegistrarUri;

    public string ContactUri => contactUri;

    public SipClientRequest Create(uint cseq, int expires, SipHeaderField? credentials, SipClientDestination destination)
    {
        var headers = new List<SipHeaderField>(9)
        {
            new("From", $"{_addressOfRecord};tag={FromTag}"),
            new("To", _addressOfRecord),
            new("Call-ID", CallId),
            new("CSeq", $"{cseq.ToString(CultureInfo.InvariantCulture)} REGISTER"),
            new("Contact", $"<{contactUri}>"),
            new("Expires", expires.ToString(CultureInfo.InvariantCulture)),
            new("User-Agent", userAgent),
        };
        if (credentials is { } value)
        {
            headers.Add(value);
        }

        return new SipClientRequest("REGISTER", RequestUri, headers, destination);
    }
}
