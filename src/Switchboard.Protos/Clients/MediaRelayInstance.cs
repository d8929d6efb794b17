using Grpc.Net.Client;
using Switchboard.Protos.MediaProxy;

namespace Switchboard.Protos.Clients;

/// <summary>One media-proxy instance: its discovery id, its gRPC address and a client on a kept channel.</summary>
public sealed class MediaRelayInstance : IDisposable
{
    private readonly GrpcChannel _channel;

    internal MediaRelayInstance(string id, Uri address)
    {
        Id = id;
        Address = address;
        _channel = GrpcChannel.ForAddress(address); // http:// = h2c with prior knowledge
        Client = new MediaRelayControl.MediaRelayControlClient(_channel);
    }

    public string Id { get; }

    public Uri Address { get; }

    public MediaRelayControl.MediaRelayControlClient Client { get; }

    public void Dispose() => _channel.Dispose();
}
