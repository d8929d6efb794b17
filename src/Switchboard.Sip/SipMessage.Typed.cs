using Switchboard.Sip.Headers;

namespace Switchboard.Sip;

/// <summary>Typed, lazily parsed header values. The values every request needs are cached per parse.</summary>
public sealed partial class SipMessage
{
    // 0 = not parsed yet, 1 = parsed, 2 = absent or malformed.
    private byte _viaState, _fromState, _toState, _cseqState;
    private SipVia _topVia;
    private SipNameAddress _from, _to;
    private SipCSeq _cseq;

    private void ResetTypedCache() => _viaState = _fromState = _toState = _cseqState = 0;

    /// <summary>The top Via value (cached). Other Via values: <see cref="TryGetVia(in SipHeader, out SipVia)"/>.</summary>
    public bool TryGetVia(out SipVia via) =>
        Cached(ref _viaState, ref _topVia, HeaderKind.Via, static (b, r, out v) => SipViaParser.TryParse(b, r, out v), out via);

    public bool TryGetFrom(out SipNameAddress from) =>
        Cached(ref _fromState, ref _from, HeaderKind.From, static (b, r, out v) => SipNameAddressParser.TryParse(b, r, out v), out from);

    public bool TryGetTo(out SipNameAddress to) =>
        Cached(ref _toState, ref _to, HeaderKind.To, static (b, r, out v) => SipNameAddressParser.TryParse(b, r, out v), out to);

    public bool TryGetCSeq(out SipCSeq cseq) =>
        Cached(ref _cseqState, ref _cseq, HeaderKind.CSeq, static (b, r, out v) => SipCSeq.TryParse(b, r, out v), out cseq);

    /// <summary>The Call-ID value range; false when absent, empty or containing LWS.</summary>
    public bool TryGetCallId(out SipRange callId)
    {
        callId = TryGetFirst(HeaderKind.CallId, out var h) ? h.Value : SipRange.None;
        return callId.Length > 0 && GetSpan(callId).IndexOfAny(" \t\r\n"u8) < 0;
    }

    /// <summary>Max-Forwards as 0..255 (leading zeros allowed: wsinv's 0068).</summary>
    public bool TryGetMaxForwards(out int maxForwards)
    {
        maxForwards = -1;
        if (!TryGetUInt32(HeaderKind.MaxForwards, out var v) || v > 255)
        {
            return false;
        }

        maxForwards = (int)v;
        return true;
    }

    /// <summary>Expires, Min-Expires, Content-Length, RSeq...: a header whose value is one 32-bit number.</summary>
    public bool TryGetUInt32(HeaderKind kind, out uint value)
    {
        value = 0;
        return TryGetFirst(kind, out var h) && SipLex.TryParseUInt32(GetSpan(h.Value), out value);
    }

    /// <summary>Retry-After delta-seconds (the comment and parameters after it are ignored here).</summary>
    public bool TryGetRetryAfter(out uint seconds)
    {
        seconds = 0;
        if (!TryGetFirst(HeaderKind.RetryAfter, out var h))
        {
            return false;
        }

        var v = GetSpan(h.Value);
        var n = 0;
        while (n < v.Length && SipLex.IsDigit(v[n]))
        {
            n++;
        }

        return SipLex.TryParseUInt32(v[..n], out seconds);
    }

    /// <summary>Content-Type, Event, Subscription-State, Session-Expires: token (or type/subtype) plus parameters.</summary>
    public bool TryGetTokenValue(HeaderKind kind, out SipTokenValue value)
    {
        value = default;
        return TryGetFirst(kind, out var h) && SipTokenValue.TryParse(Span, h.Value, out value);
    }

    public bool TryGetVia(in SipHeader header, out SipVia via) => SipViaParser.TryParse(Span, header.Value, out via);

    /// <summary>Any name-addr header entry: Route, Record-Route, Path, From, To, Refer-To...</summary>
    public bool TryGetNameAddress(in SipHeader header, out SipNameAddress address)
        => SipNameAddressParser.TryParse(Span, header.Value, out address);

    public bool TryGetContact(in SipHeader header, out SipContact contact) => SipContact.TryParse(Span, header.Value, out contact);

    public bool TryGetAuth(in SipHeader header, out SipAuthHeader auth) => SipAuthHeader.TryParse(Span, header.Value, out auth);

    /// <summary>Union of every Allow value; unknown method names add <see cref="SipMethod.Unknown"/>.</summary>
    public SipMethod GetAllowedMethods()
    {
        var methods = SipMethod.None;
        foreach (var h in GetHeaders(HeaderKind.Allow))
        {
            if (h.Value.Length > 0)
            {
                methods |= SipMethods.Parse(GetSpan(h.Value));
            }
        }

        return methods;
    }

    private delegate bool ValueParser<T>(ReadOnlySpan<byte> buffer, SipRange value, out T result);

    private bool Cached<T>(ref byte state, ref T cache, HeaderKind kind, ValueParser<T> parse, out T value)
    {
        if (state == 0)
        {
            state = TryGetFirst(kind, out var h) && parse(Span, h.Value, out cache) ? (byte)1 : (byte)2;
        }

        value = state == 1 ? cache : default!;
        return state == 1;
    }
}
