using static Switchboard.Sip.SipLex;

namespace Switchboard.Sip.Headers;

/// <summary>Parses <c>( name-addr / addr-spec ) *( SEMI param )</c>. Liberal where RFC 4475 says so (lwsdisp: no
/// LWS before '&lt;'), strict elsewhere (badaspec: LWS inside &lt;&gt;; baddn: unquoted ','; quotbal).</summary>
public static class SipNameAddressParser
{
    public static bool TryParse(ReadOnlySpan<byte> buffer, SipRange value, out SipNameAddress address, bool allowStar = false)
    {
        address = default;
        var s = buffer;
        var end = value.End;
        var i = SkipLws(s, value.Start, end);
        if (i >= end)
        {
            return false;
        }

        if (allowStar && s[i] == (byte)'*' && SkipLws(s, i + 1, end) == end)
        {
            address = new SipNameAddress(SipRange.None, new SipRange(i, 1), false, true, SipRange.None);
            return true;
        }

        var display = SipRange.None;
        if (s[i] == (byte)'"')
        {
            var close = SkipQuoted(s, i, end);
            if (close < 0)
            {
                return false; // quotbal
            }

            display = SipRange.FromBounds(i, close);
            i = SkipLws(s, close, end);
        }
        else if (s[i] != (byte)'<')
        {
            // Either display-name tokens followed by '<', or an addr-spec.
            var j = i;
            var lastTokenEnd = i;
            while (j < end && IsToken(s[j]))
            {
                j = SkipToken(s, j, end);
                lastTokenEnd = j;
                j = SkipLws(s, j, end);
            }

            if (j < end && s[j] == (byte)'<')
            {
                display = SipRange.FromBounds(i, lastTokenEnd);
                i = j;
            }
            else
            {
                return TryParseAddrSpec(s, i, end, out address);
            }
        }

        if (i >= end || s[i] != (byte)'<')
        {
            return false;
        }

        var uriStart = i + 1;
        var close2 = s[uriStart..end].IndexOf((byte)'>');
        if (close2 <= 0)
        {
            return false;
        }

        var uri = new SipRange(uriStart, close2);
        if (!IsUri(uri.Of(s)))
        {
            return false;
        }

        var parameters = SipRange.FromBounds(SkipLws(s, uri.End + 1, end), end);
        if (!SipParameterReader.IsWellFormed(s, parameters))
        {
            return false;
        }

        address = new SipNameAddress(display, uri, true, false, parameters);
        return true;
    }

    private static bool TryParseAddrSpec(ReadOnlySpan<byte> s, int start, int end, out SipNameAddress address)
    {
        address = default;
        var i = start;
        while (i < end && s[i] != (byte)';' && s[i] > 0x20)
        {
            if (s[i] == (byte)'?' || s[i] == (byte)',')
            {
                return false; // a URI with '?' or ',' must use name-addr form (regbadct)
            }

            i++;
        }

        var uri = SipRange.FromBounds(start, i);
        if (!IsUri(uri.Of(s)))
        {
            return false;
        }

        var parameters = SipRange.FromBounds(SkipLws(s, i, end), end);
        if (!SipParameterReader.IsWellFormed(s, parameters))
        {
            return false;
        }

        address = new SipNameAddress(SipRange.None, uri, false, false, parameters);
        return true;
    }

    /// <summary>A scheme, a colon, and no LWS or control bytes (badaspec has spaces inside the brackets).</summary>
    private static bool IsUri(ReadOnlySpan<byte> uri)
    {
        if (!TryGetScheme(uri, out _))
        {
            return false;
        }

        foreach (var b in uri)
        {
            if (b <= 0x20 || b == 0x7F || b == (byte)'<' || b == (byte)'>')
            {
                return false;
            }
        }

        return true;
    }
}
