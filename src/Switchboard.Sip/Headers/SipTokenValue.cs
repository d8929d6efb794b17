using static Switchboard.Sip.SipLex;

namespace Switchboard.Sip.Headers;

/// <summary>
/// <c>token *( SEMI param )</c>: Event (package), Subscription-State (substate), Content-Type (<c>type/subtype</c>
/// in <see cref="Token"/>), Retry-After and Session-Expires (delta-seconds in <see cref="Token"/>).
/// </summary>
public readonly record struct SipTokenValue(SipRange Token, SipRange Parameters)
{
    public static bool TryParse(ReadOnlySpan<byte> buffer, SipRange value, out SipTokenValue result)
    {
        result = default;
        var s = buffer;
        var end = value.End;
        var i = SkipToken(s, value.Start, end);
        if (i < end && s[i] == (byte)'/')
        {
            var sub = i + 1;
            i = SkipToken(s, sub, end);
            if (i == sub)
            {
                return false;
            }
        }

        if (i == value.Start)
        {
            return false;
        }

        var token = SipRange.FromBounds(value.Start, i);
        var parameters = SipRange.FromBounds(SkipLws(s, i, end), end);
        if (!SipParameterReader.IsWellFormed(s, parameters))
        {
            return false;
        }

        result = new SipTokenValue(token, parameters);
        return true;
    }

    public bool TryGetParameter(ReadOnlySpan<byte> buffer, ReadOnlySpan<byte> name, out SipRange value)
    {
        var found = SipParameterReader.TryFind(buffer, Parameters, name, out var p);
        value = found ? p.Value : SipRange.None;
        return found;
    }
}
