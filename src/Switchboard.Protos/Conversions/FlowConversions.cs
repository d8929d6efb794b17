using System.Net;
using Switchboard.Contracts.Sip;
using ProtoFlow = Switchboard.Protos.Common.Flow;
using ProtoEndpoint = Switchboard.Protos.Common.IpEndpoint;
using ProtoTransport = Switchboard.Protos.Common.Transport;

namespace Switchboard.Protos.Conversions;

/// <summary>Flows and endpoints between the contracts and their protobuf form.</summary>
public static class FlowConversions
{
    public static ProtoFlow ToProto(this SipFlow flow) => new()
    {
        EdgeId = flow.EdgeId,
        Transport = flow.Transport.ToProto(),
        Local = flow.Local.ToProto(),
        Remote = flow.Remote.ToProto(),
        ConnectionId = flow.ConnectionId,
    };

    public static SipFlow ToContract(this ProtoFlow flow) => new(
        flow.EdgeId,
        flow.Transport.ToContract(),
        flow.Local.ToContract(),
        flow.Remote.ToContract(),
        flow.ConnectionId);

    public static ProtoEndpoint ToProto(this IPEndPoint endPoint) => new()
    {
        Address = endPoint.Address.ToString(),
        Port = (uint)endPoint.Port,
    };

    public static IPEndPoint ToContract(this ProtoEndpoint endPoint) =>
        new(IPAddress.Parse(endPoint.Address), (int)endPoint.Port);

    public static ProtoTransport ToProto(this SipTransport transport) => transport switch
    {
        SipTransport.Udp => ProtoTransport.Udp,
        SipTransport.Tcp => ProtoTransport.Tcp,
        _ => ProtoTransport.Tls,
    };

    public static SipTransport ToContract(this ProtoTransport transport) => transport switch
    {
        ProtoTransport.Udp => SipTransport.Udp,
        ProtoTransport.Tcp => SipTransport.Tcp,
        _ => SipTransport.Tls,
    };
}
