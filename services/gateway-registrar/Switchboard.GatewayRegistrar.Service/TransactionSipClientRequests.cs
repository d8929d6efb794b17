using Grpc.Net.Client;
using Switchboard.Contracts.Gateway;
using Switchboard.Hosting.Discovery;
using Switchboard.Protos.Clients;
using Switchboard.Protos.SipClient;

namespace Switchboard.GatewayRegistrar.Service;

/// <summary>
/// <see cref="GrpcSipClientRequests"/> to the transaction service, found through <see cref="IServiceLocator"/>
/// (<c>Services:transaction-grpc:Endpoints:0</c> or Consul) at the first request rather than at start, so the admin
/// API works while the transaction service is still down; until then each REGISTER is a transport failure.
/// </summary>
public sealed class TransactionSipClientRequests(IServiceLocator locator, TimeProvider time) : ISipClientRequests, IDisposable
{
    public const string ServiceName = "transaction-grpc";

    private readonly SemaphoreSlim _connect = new(1, 1);
    private GrpcChannel? _channel;
    private GrpcSipClientRequests? _client;

    public async ValueTask<SipClientResponse> SendAsync(SipClientRequest request, CancellationToken cancellationToken = default)
    {
        var client = _client ?? await ConnectAsync(cancellationToken).ConfigureAwait(false);
        return client is null
            ? SipClientResponse.Failed($"no instance of '{ServiceName}' (set Services:{ServiceName}:Endpoints:0 or Consul:Address)")
            : await client.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    public void Dispose()
    {
        _channel?.Dispose();
        _connect.Dispose();
    }

    private async Task<GrpcSipClientRequests?> ConnectAsync(CancellationToken cancellationToken)
    {
        await _connect.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_client is not null)
            {
                return _client;
            }

            var endpoints = await locator.Resolve(ServiceName, cancellationToken).ConfigureAwait(false);
            if (endpoints.Count == 0)
            {
                return null;
            }

            _channel = GrpcChannel.ForAddress(endpoints[0].ToUri()); // http:// = h2c with prior knowledge
            _client = new GrpcSipClientRequests(new SipClient.SipClientClient(_channel), time);
            return _client;
        }
        finally
        {
            _connect.Release();
        }
    }
}
