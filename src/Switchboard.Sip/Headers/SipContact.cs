using System.Text;

namespace Switchboard.Sip.Headers;

/// <summary>
/// A Contact value: the address plus the parameters a registrar needs (RFC 3261 §20.10, RFC 5626 <c>reg-id</c> and
/// <c>+sip.instance</c>). <see cref="Expires"/>, <see cref="RegId"/> are -1 when absent; <see cref="Q"/> is the
/// q-value in thousandths (0..1000), -1 when absent.
/// </summary>
public readonly record struct SipContact(SipNameAddress Address, long Expires, int Q, SipRange Instance, long RegId)
{
    public bool IsStar => Address.IsStar;

    public static bool TryParse(ReadOnlySpan<byte> buffer, SipRange value, out SipContact contact)
    {
        contact = default;
        if (!SipNameAddressParser.TryParse(buffer, value, out var address, allowStar: true))
        {
            return false;
        }

        long expires = -1, regId = -1;
        var q = -1;
        var instance = SipRange.None;
        var reader = new SipParameterReader(buffer, address.Parameters);
        while (reader.MoveNext())
        {
            var p = reader.Current;
            var name = p.Name.Of(buffer);
            var v = p.Value.Of(buffer);
            if (Ascii.EqualsIgnoreCase(name, "expires"u8))
            {
                if (!SipLex.TryParseUInt32(v, out var e))
                {
                    return false; // scalar02: beyond 2**32-1
                }

                expires = e;
            }
            else if (Ascii.EqualsIgnoreCase(name, "q"u8))
            {
                if (!TryParseQ(v, out q))
                {
                    return false;
                }
            }
            else if (Ascii.EqualsIgnoreCase(name, "reg-id"u8))
            {
                if (!SipLex.TryParseUInt32(v, out var r))
                {
                    return false;
                }

                regId = r;
            }
            else if (Ascii.EqualsIgnoreCase(name, "+sip.instance"u8))
            {
                instance = p.Value;
            }
        }

        contact = new SipContact(address, expires, q, instance, regId);
        return true;
    }

    /// <summary>qvalue = ( "0" [ "." 0*3DIGIT ] ) / ( "1" [ "." 0*3("0") ] ), as thousandths.</summary>
    private static bool TryParseQ(ReadOnlySpan<byte> v, out int q)
    {
        q = -1;
        if (v.IsEmpty || (v[0] != (byte)'0' && v[0] != (byte)'1') || v.Length == 2 || v.Length > 5
            || (v.Length > 1 && v[1] != (byte)'.'))
        {
            return false;
        }

        var value = (v[0] - '0') * 1000;
        var scale = 100;
        for (var i = 2; i < v.Length; i++, scale /= 10)
        {
            if (!SipLex.IsDigit(v[i]))
            {
                return false;
            }

            value += (v[i] - '0') * scale;
        }

        if (value > 1000)
        {
            return false;
        }

        q = value;
        return true;
    }
}
