using Google.Protobuf;
using Switchboard.Contracts.Gateway;
using Switchboard.Protos.Conversions;
using Proto = Switchboard.Protos.SipClient;

namespace Switchboard.Protos.Clients;

/// <summary>Contracts ↔ sip_client.proto, both ways (the client adapter and the transaction service's server use it).</summary>
public static class SipClientMessages
{
    public static Proto.SendRequest ToProto(SipClientRequest request)
    {
        var message = new Proto.SendRequest
        {
            Method = request.Method,
            RequestUri = request.RequestUri,
            Host = request.Destination.Host,
            Port = (uint)request.Destination.Port,
            Transport = request.Destination.Transport.ToProto(),
            Body = ByteString.CopyFrom(request.Body.Span),
            ContentType = request.ContentType ?? "",
        };
        message.Headers.AddRange(request.Headers.Select(ToProto));
        return message;
    }

    public static SipClientRequest FromProto(Proto.SendRequest message) => new(
        message.Method,
        message.RequestUri,
        message.Headers.Select(FromProto).ToArray(),
        new SipClientDestination(message.Host, (int)message.Port, message.Transport.ToContract()),
        message.Body.Memory,
        message.ContentType.Length == 0 ? null : message.ContentType);

    public static Proto.SendResponse ToProto(SipClientResponse response)
    {
        var message = new Proto.SendResponse
        {
            Outcome = response.Outcome switch
            {
                SipClientOutcome.Timeout => Proto.SendOutcome.Timeout,
                SipClientOutcome.TransportFailure => Proto.SendOutcome.TransportFailure,
                _ => Proto.SendOutcome.Response,
            },
            StatusCode = (uint)response.StatusCode,
            Reason = response.Reason,
        };
        message.Headers.AddRange(response.Headers.Select(ToProto));
        return message;
    }

    public static SipClientResponse FromProto(Proto.SendResponse message) => message.Outcome switch
    {
        Proto.SendOutcome.Timeout => SipClientResponse.TimedOut(),
        Proto.SendOutcome.TransportFailure => SipClientResponse.Failed(message.Reason),
        _ => SipClientResponse.Final((int)message.StatusCode, message.Reason, message.Headers.Select(FromProto).ToArray()),
    };

    private static Proto.HeaderField ToProto(SipHeaderField field) => new() { Name = field.Name, Value = field.Value };

    private static SipHeaderField FromProto(Proto.HeaderField field) => new(field.Name, field.Value);
}
