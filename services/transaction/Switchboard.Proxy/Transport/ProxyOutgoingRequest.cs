using Switchboard.Contracts.Sip;
using Switchboard.Sip;

namespace Switchboard.Proxy.Transport;

/// <summary>A forwarded request ready to send: the edited bytes (kept by the transaction for retransmission), our branch and the target.</summary>
public sealed record ProxyOutgoingRequest(ReadOnlyMemory<byte> Bytes, string Branch, SipMethod Method, string MethodToken, SendTarget Target);
