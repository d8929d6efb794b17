namespace Switchboard.Sip.Headers;

/// <summary>
/// A From, To, Contact, Route, Record-Route or Path value (RFC 3261 §20.10): optional display name (raw, quotes
/// included), the URI range (without the angle brackets), and the header parameters after it. In addr-spec form
/// (<see cref="IsNameAddr"/> false) <c>;params</c> after the URI are header parameters, never URI parameters
/// (RFC 4475 cparam01). <see cref="IsStar"/> is Contact's <c>*</c>.
/// </summary>
public readonly record struct SipNameAddress(
    SipRange DisplayName,
    SipRange Uri,
    bool IsNameAddr,
    bool IsStar,
    SipRange Parameters)
{
    /// <summary>The URI scheme (bytes before the first ':'), e.g. <c>sip</c>, <c>sips</c>, <c>tel</c>.</summary>
    public ReadOnlySpan<byte> GetScheme(ReadOnlySpan<byte> buffer)
        => SipLex.TryGetScheme(Uri.Of(buffer), out var scheme) ? scheme : default;

    public bool TryGetParameter(ReadOnlySpan<byte> buffer, ReadOnlySpan<byte> name, out SipRange value)
    {
        var found = SipParameterReader.TryFind(buffer, Parameters, name, out var p);
        value = found ? p.Value : SipRange.None;
        return found;
    }

    /// <summary>The tag parameter (From/To), or <see cref="SipRange.None"/>.</summary>
    public SipRange GetTag(ReadOnlySpan<byte> buffer) => TryGetParameter(buffer, "tag"u8, out var v) ? v : SipRange.None;
}
