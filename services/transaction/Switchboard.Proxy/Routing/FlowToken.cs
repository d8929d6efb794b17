using System.Buffers.Text;
using System.Globalization;
using System.Net;
using System.Text;
using Switchboard.Contracts.Sip;

namespace Switchboard.Proxy.Routing;

/// <summary>
/// A flow (RFC 5626) written into our Record-Route URI, so in-dialog requests reach a device behind NAT over the
/// connection or address:port its requests came from, although its Contact names a private address.
/// </summary>
public static class FlowToken
{
    public const string ParameterName = "sbf";

    public static string Encode(SipFlow flow)
    {
        string text = string.Join('|',
            flow.EdgeId,
            flow.Transport.ToViaToken(),
            flow.Local.ToString(),
            flow.Remote.ToString(),
            flow.ConnectionId.ToString(CultureInfo.InvariantCulture));
        return Base64Url.EncodeToString(Encoding.UTF8.GetBytes(text));
    }

    public static bool TryDecode(string token, out SipFlow flow)
    {
        flow = default;
        byte[] bytes;
        try
        {
            bytes = Base64Url.DecodeFromChars(token);
        }
        catch (FormatException)
        {
            return false;
        }

        string[] parts = Encoding.UTF8.GetString(bytes).Split('|');
        if (parts.Length != 5 || !TryParseTransport(parts[1], out SipTransport transport)
            || !IPEndPoint.TryParse(parts[2], out IPEndPoint? local) || !IPEndPoint.TryParse(parts[3], out IPEndPoint? remote)
            || !long.TryParse(parts[4], NumberStyles.None, CultureInfo.InvariantCulture, out long connection))
        {
            return false;
        }

        flow = new SipFlow(parts[0], transport, local, remote, connection);
        return true;
    }

    public static bool TryParseTransport(string? token, out SipTransport transport)
    {
        transport = SipTransport.Udp;
        if (string.Equals(token, "udp", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (string.Equals(token, "tcp", StringComparison.OrdinalIgnoreCase))
        {
            transport = SipTransport.Tcp;
            return true;
        }

        if (string.Equals(token, "tls", StringComparison.OrdinalIgnoreCase))
        {
            transport = SipTransport.Tls;
            return true;
        }

        return false;
    }
}
