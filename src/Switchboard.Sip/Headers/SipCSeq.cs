using static Switchboard.Sip.SipLex;

namespace Switchboard.Sip.Headers;

/// <summary>CSeq = 1*DIGIT LWS Method; the number must fit in 32 bits (RFC 3261 §8.1.1.5; scalar02).</summary>
public readonly record struct SipCSeq(uint Number, SipMethod Method, SipRange MethodRange)
{
    public static bool TryParse(ReadOnlySpan<byte> buffer, SipRange value, out SipCSeq cseq)
    {
        cseq = default;
        var s = buffer;
        var end = value.End;
        var i = value.Start;
        while (i < end && IsDigit(s[i]))
        {
            i++;
        }

        if (!TryParseUInt32(s[value.Start..i], out var number))
        {
            return false;
        }

        var afterNumber = i;
        i = SkipLws(s, i, end);
        var methodStart = i;
        i = SkipToken(s, i, end);
        if (i == methodStart || afterNumber == methodStart || TrimEnd(s, i, end) != i)
        {
            return false;
        }

        cseq = new SipCSeq(number, SipMethods.Parse(s[methodStart..i]), SipRange.FromBounds(methodStart, i));
        return true;
    }
}
