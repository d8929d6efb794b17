using System.Net;
using Switchboard.Contracts.Sip;
using Switchboard.Sip;
using Switchboard.Sip.Headers;

namespace Switchboard.Signal.Sending;

/// <summary>
/// Where the responses to one request go (RFC 3261 §18.2.2, RFC 3581): back over the request's connection when
/// reliable (falling back to a new connection to received:sent-by port when it closed); over UDP to the top Via's
/// <c>received</c> address and <c>rport</c> port (else the sent-by port), from the same local socket.
/// </summary>
public readonly record struct ResponseRoute(SendTarget Primary, SendTarget? Fallback)
{
    public bool IsReliable => Primary.Flow is { } flow ? flow.IsReliable : Primary.Transport is { } t && t.IsReliable();

    public static ResponseRoute For(SipMessage request, SipFlow flow)
    {
        ReadOnlySpan<byte> buffer = request.Span;
        bool hasVia = request.TryGetVia(out SipVia via);
        IPAddress address = hasVia ? ViaAddress(via, buffer, flow) : flow.Remote.Address;
        int sentByPort = hasVia && via.Port > 0 ? via.Port : ServerKeys.DefaultPort(flow.Transport);
        if (flow.IsReliable)
        {
            var reconnect = SendTarget.ToAddress(new IPEndPoint(address, sentByPort), flow.Transport);
            return new ResponseRoute(SendTarget.ToFlow(flow), reconnect);
        }

        int port = hasVia && via.HasRport && via.Rport > 0 ? via.Rport : sentByPort;
        // The usual case (the peer's Via names where it sends from) keeps the received flow: nothing to allocate.
        bool sameRemote = port == flow.Remote.Port && ReferenceEquals(address, flow.Remote.Address);
        return new ResponseRoute(SendTarget.ToFlow(sameRemote ? flow : flow with { Remote = new IPEndPoint(address, port) }), null);
    }

    // received wins; else sent-by when it is an address; a host name would need RFC 3263 look-ups, and a client
    // that sent one without us stamping received is at the packet's source anyway.
    private static IPAddress ViaAddress(in SipVia via, ReadOnlySpan<byte> buffer, SipFlow flow)
    {
        ReadOnlySpan<byte> text = via.Received.IsPresent ? Trim(via.Received.Of(buffer)) : Trim(via.Host.Of(buffer));
        if (IsAddressOf(text, flow.Remote.Address))
        {
            return flow.Remote.Address;
        }

        if (via.Received.IsPresent && IPAddress.TryParse(text, out IPAddress? received))
        {
            return received;
        }

        return IPAddress.TryParse(Trim(via.Host.Of(buffer)), out IPAddress? sentBy) ? sentBy : flow.Remote.Address;
    }

    // Compares the text with the address's canonical form, without parsing into a new IPAddress.
    private static bool IsAddressOf(ReadOnlySpan<byte> text, IPAddress address)
    {
        Span<byte> formatted = stackalloc byte[64];
        return !address.IsIPv4MappedToIPv6 && address.TryFormat(formatted, out int length) && text.SequenceEqual(formatted[..length]);
    }

    private static ReadOnlySpan<byte> Trim(ReadOnlySpan<byte> host) =>
        host.Length > 1 && host[0] == (byte)'[' && host[^1] == (byte)']' ? host[1..^1] : host;
}
