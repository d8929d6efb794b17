using System.Globalization;
using System.Text;

namespace Switchboard.Auth.Ntlm;

/// <summary>
/// The parts of a SIP message that MS-SIPAE signatures cover (§3.2.5.1.2), as they appear in the message (no case
/// folding). The caller extracts them; this library does not parse SIP. Empty strings stand for absent values.
/// </summary>
/// <param name="FromUri">The URI inside From's angle brackets.</param>
/// <param name="AssertedSipUri">The sip: URI of P-Asserted-Identity (else P-Preferred-Identity).</param>
/// <param name="AssertedTelUri">The tel: URI of the same header.</param>
/// <param name="StatusCode">The response code, 0 for a request.</param>
public sealed record SipSignatureFields(
    string CallId,
    string CSeqNumber,
    string Method,
    string FromUri,
    string FromTag,
    string ToUri,
    string ToTag,
    string AssertedSipUri = "",
    string AssertedTelUri = "",
    string Expires = "",
    int StatusCode = 0)
{
    /// <summary>
    /// The buffer the signature is computed over: every value in angle brackets, in the order of the
    /// authentication protocol <paramref name="version"/> (3 and later add the To URI and the asserted identities).
    /// </summary>
    public byte[] ToSignatureBuffer(string scheme, string rand, string number, string realm, string targetName, int version)
    {
        var text = new StringBuilder(256);
        Append(text, scheme, rand, number, realm, targetName, CallId, CSeqNumber, Method, FromUri, FromTag);
        if (version >= 3)
        {
            Append(text, ToUri, ToTag, AssertedSipUri, AssertedTelUri);
        }
        else
        {
            Append(text, ToTag);
        }

        Append(text, Expires);
        if (StatusCode != 0)
        {
            Append(text, StatusCode.ToString(CultureInfo.InvariantCulture));
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static void Append(StringBuilder text, params ReadOnlySpan<string> values)
    {
        foreach (var value in values)
        {
            text.Append('<').Append(value).Append('>');
        }
    }
}
