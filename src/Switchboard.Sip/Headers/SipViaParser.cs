using System.Text;
using static Switchboard.Sip.SipLex;

namespace Switchboard.Sip.Headers;

/// <summary>Parses one Via value: sent-protocol LWS sent-by *( SEMI via-params ).</summary>
public static class SipViaParser
{
    public static bool TryParse(ReadOnlySpan<byte> buffer, SipRange value, out SipVia via)
    {
        via = default;
        var s = buffer;
        var end = value.End;
        var i = SkipLws(s, value.Start, end);

        if (!ReadProtocolPart(s, ref i, end, out var name) || !ReadSlash(s, ref i, end)
            || !ReadProtocolPart(s, ref i, end, out var version) || !ReadSlash(s, ref i, end)
            || !ReadProtocolPart(s, ref i, end, out var transport))
        {
            return false;
        }

        var afterTransport = i;
        i = SkipLws(s, i, end);
        if (i == afterTransport || i >= end)
        {
            return false; // LWS before sent-by is mandatory
        }

        if (!ReadHost(s, ref i, end, out var host, out var port))
        {
            return false;
        }

        i = SkipLws(s, i, end);
        var parameters = SipRange.FromBounds(i, end);
        var branch = SipRange.None;
        var received = SipRange.None;
        var maddr = SipRange.None;
        var hasRport = false;
        var rport = -1;
        var ttl = -1;
        var reader = new SipParameterReader(s, parameters);
        while (reader.MoveNext())
        {
            var p = reader.Current;
            var n = p.Name.Of(s);
            if (Ascii.EqualsIgnoreCase(n, "branch"u8))
            {
                branch = p.Value;
            }
            else if (Ascii.EqualsIgnoreCase(n, "received"u8))
            {
                received = p.Value;
            }
            else if (Ascii.EqualsIgnoreCase(n, "maddr"u8))
            {
                maddr = p.Value;
            }
            else if (Ascii.EqualsIgnoreCase(n, "rport"u8))
            {
                hasRport = true;
                if (p.Value.IsPresent && !TryPort(p.Value.Of(s), out rport))
                {
                    return false;
                }
            }
            else if (Ascii.EqualsIgnoreCase(n, "ttl"u8))
            {
                if (!TryParseUInt32(p.Value.Of(s), out var t) || t > 255)
                {
                    return false;
                }

                ttl = (int)t;
            }
        }

        if (reader.Failed)
        {
            return false;
        }

        via = new SipVia(name, version, transport, host, port, branch, received, hasRport, rport, maddr, ttl, parameters);
        return true;
    }

    private static bool ReadProtocolPart(ReadOnlySpan<byte> s, ref int i, int end, out SipRange part)
    {
        i = SkipLws(s, i, end);
        var start = i;
        i = SkipToken(s, i, end);
        part = SipRange.FromBounds(start, i);
        return i > start;
    }

    private static bool ReadSlash(ReadOnlySpan<byte> s, ref int i, int end)
    {
        i = SkipLws(s, i, end);
        if (i >= end || s[i] != (byte)'/')
        {
            return false;
        }

        i++;
        return true;
    }

    /// <summary>host [ ":" port ], host being a name, IPv4 or a bracketed IPv6 reference.</summary>
    internal static bool ReadHost(ReadOnlySpan<byte> s, ref int i, int end, out SipRange host, out int port)
    {
        port = -1;
        var start = i;
        if (s[i] == (byte)'[')
        {
            var close = s[i..end].IndexOf((byte)']');
            if (close < 0)
            {
                host = default;
                return false;
            }

            i += close + 1;
        }
        else
        {
            while (i < end && (IsAlpha(s[i]) || IsDigit(s[i]) || s[i] == (byte)'-' || s[i] == (byte)'.' || s[i] == (byte)'_'))
            {
                i++;
            }
        }

        host = SipRange.FromBounds(start, i);
        if (i == start)
        {
            return false;
        }

        var j = SkipLws(s, i, end);
        if (j < end && s[j] == (byte)':')
        {
            j = SkipLws(s, j + 1, end);
            var portStart = j;
            while (j < end && IsDigit(s[j]))
            {
                j++;
            }

            if (!TryPort(s[portStart..j], out port))
            {
                return false;
            }

            i = j;
        }

        return true;
    }

    private static bool TryPort(ReadOnlySpan<byte> digits, out int port)
    {
        port = -1;
        if (!TryParseUInt32(digits, out var p) || p > 65535)
        {
            return false;
        }

        port = (int)p;
        return true;
    }
}
