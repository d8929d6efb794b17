using Switchboard.Contracts.Sip;
using Switchboard.Proxy.Transport;
using Switchboard.Sip;

namespace Switchboard.Proxy;

/// <summary>
/// A received request handed to the proxy: the parsed message (the proxy keeps it for the life of the response
/// context: do not reuse it), the flow it came on, and its server transaction (null for an ACK).
/// </summary>
public sealed record ProxyRequest(SipMessage Message, SipFlow Source, IProxyServerTransaction? Transaction);
