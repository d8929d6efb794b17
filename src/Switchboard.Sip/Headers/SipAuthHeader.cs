using static Switchboard.Sip.SipLex;

namespace Switchboard.Sip.Headers;

/// <summary>
/// WWW-Authenticate, Proxy-Authenticate, Authorization, Proxy-Authorization: <c>scheme LWS auth-param *(COMMA auth-param)</c>.
/// Parameter values keep their quotes; unescape with <see cref="SipQuotedString"/> when needed.
/// </summary>
public readonly record struct SipAuthHeader(SipRange Scheme, SipRange Parameters)
{
    public static bool TryParse(ReadOnlySpan<byte> buffer, SipRange value, out SipAuthHeader header)
    {
        header = default;
        var i = value.Start;
        var schemeEnd = SkipToken(buffer, i, value.End);
        if (schemeEnd == i)
        {
            return false;
        }

        var parameters = SipRange.FromBounds(SkipLws(buffer, schemeEnd, value.End), value.End);
        if (parameters.Length > 0 && parameters.Start == schemeEnd)
        {
            return false;
        }

        header = new SipAuthHeader(SipRange.FromBounds(i, schemeEnd), parameters);
        return SipParameterReader.IsWellFormed(buffer, parameters, (byte)',', leadingSeparator: false);
    }

    public bool TryGetParameter(ReadOnlySpan<byte> buffer, ReadOnlySpan<byte> name, out SipRange value)
    {
        var found = SipParameterReader.TryFind(buffer, Parameters, name, out var p, (byte)',', leadingSeparator: false);
        value = found ? p.Value : SipRange.None;
        return found;
    }

    public SipParameterReader GetParameters(ReadOnlySpan<byte> buffer) => new(buffer, Parameters, (byte)',', leadingSeparator: false);
}
