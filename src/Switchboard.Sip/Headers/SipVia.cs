namespace Switchboard.Sip.Headers;

/// <summary>
/// One Via value (RFC 3261 §20.42, RFC 3581 rport). Ranges point into the message buffer. Numeric fields are -1 when
/// absent. <see cref="Parameters"/> covers every <c>;param</c> for <see cref="SipParameterReader"/>.
/// </summary>
public readonly record struct SipVia(
    SipRange ProtocolName,
    SipRange ProtocolVersion,
    SipRange Transport,
    SipRange Host,
    int Port,
    SipRange Branch,
    SipRange Received,
    bool HasRport,
    int Rport,
    SipRange Maddr,
    int Ttl,
    SipRange Parameters)
{
    /// <summary>RFC 3261 branch: starts with the magic cookie z9hG4bK.</summary>
    public bool HasRfc3261Branch(ReadOnlySpan<byte> buffer) => Branch.Of(buffer).StartsWith("z9hG4bK"u8);
}
