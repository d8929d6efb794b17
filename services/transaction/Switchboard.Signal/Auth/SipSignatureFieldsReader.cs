using System.Globalization;
using System.Text;
using Switchboard.Auth.Ntlm;
using Switchboard.Sip;
using Switchboard.Sip.Headers;

namespace Switchboard.Signal.Auth;

/// <summary>
/// Extracts what an MS-SIPAE (NTLM) signature covers from a request, and the same for our response to it, which
/// differs by the To tag we add, the Expires we grant and the status code.
/// </summary>
internal static class SipSignatureFieldsReader
{
    public static SipSignatureFields ForRequest(SipMessage request)
    {
        ReadOnlySpan<byte> buffer = request.Span;
        request.TryGetCallId(out SipRange callId);
        request.TryGetCSeq(out SipCSeq cseq);
        request.TryGetFrom(out SipNameAddress from);
        request.TryGetTo(out SipNameAddress to);
        (string assertedSip, string assertedTel) = AssertedIdentity(request);
        return new SipSignatureFields(
            Text(buffer, callId),
            cseq.Number.ToString(CultureInfo.InvariantCulture),
            ServerKeys.MethodOf(request),
            Text(buffer, from.Uri),
            Text(buffer, from.GetTag(buffer)),
            Text(buffer, to.Uri),
            Text(buffer, to.GetTag(buffer)),
            assertedSip,
            assertedTel,
            request.TryGetFirst(HeaderKind.Expires, out SipHeader expires) ? Text(buffer, expires.Value) : string.Empty);
    }

    /// <param name="expires">The Expires header value of the response, or empty when it has none.</param>
    public static SipSignatureFields ForResponse(SipMessage request, int statusCode, string expires)
    {
        SipSignatureFields fields = ForRequest(request);
        string toTag = fields.ToTag.Length > 0 ? fields.ToTag : Encoding.ASCII.GetString(ToTags.Compute(request));
        return fields with { ToTag = toTag, AssertedSipUri = string.Empty, AssertedTelUri = string.Empty, Expires = expires, StatusCode = statusCode };
    }

    // MS-SIPAE signs the sip: and tel: URIs of P-Asserted-Identity, else of P-Preferred-Identity.
    private static (string Sip, string Tel) AssertedIdentity(SipMessage request)
    {
        if (!request.TryGetHeader("P-Asserted-Identity"u8, out SipHeader header) && !request.TryGetHeader("P-Preferred-Identity"u8, out header))
        {
            return (string.Empty, string.Empty);
        }

        string sip = string.Empty, tel = string.Empty;
        foreach (string part in Text(request.Span, header.Value).Split(','))
        {
            int open = part.IndexOf('<'), close = part.IndexOf('>');
            string uri = (open >= 0 && close > open ? part[(open + 1)..close] : part).Trim();
            if (uri.StartsWith("tel:", StringComparison.OrdinalIgnoreCase))
            {
                tel = uri;
            }
            else if (uri.StartsWith("sip", StringComparison.OrdinalIgnoreCase))
            {
                sip = uri;
            }
        }

        return (sip, tel);
    }

    private static string Text(ReadOnlySpan<byte> buffer, SipRange range) =>
        range.IsPresent ? Encoding.UTF8.GetString(range.Of(buffer)) : string.Empty;
}
