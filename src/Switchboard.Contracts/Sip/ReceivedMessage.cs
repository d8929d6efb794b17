namespace Switchboard.Contracts.Sip;

/// <summary>
/// A framed, syntactically valid SIP message as the edge received it. <see cref="Bytes"/> is only valid during the
/// call that delivers it: a receiver that keeps the message past that call copies it.
/// </summary>
public readonly record struct ReceivedMessage(ReadOnlyMemory<byte> Bytes, SipFlow Flow, DateTimeOffset ReceivedAt);
