using System.Globalization;
using System.Text;
using Switchboard.Auth.Ntlm;
using Switchboard.Sip;
using Switchboard.Sip.Headers;

namespace Switchboard.Proxy.Security;

/// <summary>
/// Reads what an MS-SIPAE (NTLM) signature covers (§3.2.5.1.2, §3.2.5.2) from a SIP message as it is on the wire:
/// Call-ID, CSeq number and method, From and To URI and tag, the sip:/tel: URIs of P-Asserted-Identity (else
/// P-Preferred-Identity), Expires and, for a response, the status code. Only NTLM traffic pays for these strings.
/// </summary>
public static class SipMessageSignatureFields
{
    /// <summary>The fields of <paramref name="message"/>, a request or a response (the method then comes from CSeq).</summary>
    public static SipSignatureFields Read(SipMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        ReadOnlySpan<byte> buffer = message.Span;
        message.TryGetCallId(out SipRange callId);
        message.TryGetCSeq(out SipCSeq cseq);
        message.TryGetFrom(out SipNameAddress from);
        message.TryGetTo(out SipNameAddress to);
        (string assertedSip, string assertedTel) = AssertedIdentity(message);
        string method = message.IsResponse
            ? Text(buffer, cseq.MethodRange)
            : SipMethods.GetName(message.Method) ?? message.GetString(message.MethodRange) ?? string.Empty;
        return new SipSignatureFields(
            Text(buffer, callId),
            cseq.Number.ToString(CultureInfo.InvariantCulture),
            method,
            Text(buffer, from.Uri),
            Text(buffer, from.GetTag(buffer)),
            Text(buffer, to.Uri),
            Text(buffer, to.GetTag(buffer)),
            assertedSip,
            assertedTel,
            message.TryGetFirst(HeaderKind.Expires, out SipHeader expires) ? Text(buffer, expires.Value) : string.Empty,
            message.IsResponse ? message.StatusCode : 0);
    }

    /// <summary>True when any header of <paramref name="kind"/> holds NTLM credentials (only those are signed).</summary>
    public static bool HasNtlmCredentials(SipMessage message, HeaderKind kind)
    {
        ArgumentNullException.ThrowIfNull(message);
        foreach (SipHeader header in message.GetHeaders(kind))
        {
            ReadOnlySpan<byte> value = message.GetValue(header);
            if (value.Length > 4 && Ascii.EqualsIgnoreCase(value[..5], "NTLM "u8))
            {
                return true;
            }
        }

        return false;
    }

    // MS-SIPAE signs the sip: and tel: URIs of P-Asserted-Identity, else of P-Preferred-Identity.
    private static (string Sip, string Tel) AssertedIdentity(SipMessage message)
    {
        if (!message.TryGetHeader("P-Asserted-Identity"u8, out SipHeader header) && !message.TryGetHeader("P-Preferred-Identity"u8, out header))
        {
            return (string.Empty, string.Empty);
        }

        string sip = string.Empty, tel = string.Empty;
        foreach (string part in Text(message.Span, header.Value).Split(','))
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
