using System.Text;
using Switchboard.Auth.Ntlm;
using Switchboard.Proxy.Security;
using Switchboard.Sip;

namespace Switchboard.Signal.Auth;

/// <summary>
/// Extracts what an MS-SIPAE (NTLM) signature covers from a request (the same reader the proxy uses), and the same for
/// our response to it, which differs by the To tag we add, the Expires we grant and the status code.
/// </summary>
internal static class SipSignatureFieldsReader
{
    public static SipSignatureFields ForRequest(SipMessage request) => SipMessageSignatureFields.Read(request);

    /// <param name="expires">The Expires header value of the response, or empty when it has none.</param>
    public static SipSignatureFields ForResponse(SipMessage request, int statusCode, string expires)
    {
        SipSignatureFields fields = ForRequest(request);
        string toTag = fields.ToTag.Length > 0 ? fields.ToTag : Encoding.ASCII.GetString(ToTags.Compute(request));
        return fields with { ToTag = toTag, AssertedSipUri = string.Empty, AssertedTelUri = string.Empty, Expires = expires, StatusCode = statusCode };
    }
}
