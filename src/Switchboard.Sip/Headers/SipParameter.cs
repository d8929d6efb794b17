namespace Switchboard.Sip.Headers;

/// <summary>One <c>name[=value]</c> parameter; <see cref="Value"/> is <see cref="SipRange.None"/> when there is no '='.
/// A quoted value keeps its quotes (see <see cref="SipQuotedString"/>).</summary>
public readonly record struct SipParameter(SipRange Name, SipRange Value);
