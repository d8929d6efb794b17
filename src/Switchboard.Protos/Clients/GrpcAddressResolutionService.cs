using Grpc.Core;
using Switchboard.Contracts.Routing;
using Switchboard.Protos.Router;

namespace Switchboard.Protos.Clients;

/// <summary>
/// <see cref="IAddressResolutionService"/> over the router's Resolve stream (one stream, many calls) and the
/// unary IsLocalDomain, whose answers are cached (<see cref="InvalidateLocalDomains"/> on a routing change).
/// </summary>
public sealed class GrpcAddressResolutionService : IAddressResolutionService, IAsyncDisposable
{
    private readonly Router.Router.RouterClient _client;
    private readonly DuplexCallMultiplexer<ResolveRequest, ResolveResponse> _calls;
    private readonly LocalDomainCache _localDomains;
    private readonly TimeSpan _callTimeout;

    public GrpcAddressResolutionService(Router.Router.RouterClient client, StreamingClientOptions? options = null, TimeProvider? time = null)
    {
        options ??= new StreamingClientOptions();
        _client = client;
        _callTimeout = options.CallTimeout;
        _calls = new(ct => client.Resolve(cancellationToken: ct), r => r.Id, options, time);
        _localDomains = new LocalDomainCache(options.LocalDomainCacheDuration, time);
    }

    public long StreamsOpened => _calls.StreamsOpened;

    public async ValueTask<AddressResolution> ResolveAsync(string user, string domain, CancellationToken cancellationToken = default)
    {
        var response = await _calls.CallAsync(
            id => new ResolveRequest { Id = id, User = user, Domain = domain }, cancellationToken).ConfigureAwait(false);
        if (response.Error.Length > 0)
            throw new RpcException(new Status(StatusCode.Internal, response.Error));
        return response.Kind switch
        {
            ResolutionKind.LocalAccount => AddressResolution.Local(response.User, response.Domain),
            ResolutionKind.Remote => AddressResolution.ToRemote(response.Uri),
            ResolutionKind.Gateway => AddressResolution.ToGateway(response.GatewayName, response.Uri),
            ResolutionKind.Rejected => AddressResolution.Reject(response.StatusCode, response.Reason),
            _ => throw new RpcException(new Status(StatusCode.Internal, $"unknown resolution kind {response.Kind}")),
        };
    }

    public async ValueTask<bool> IsLocalDomainAsync(string domain, CancellationToken cancellationToken = default)
    {
        if (_localDomains.TryGet(domain, out var cached))
            return cached;
        var generation = _localDomains.Generation;
        var response = await _client.IsLocalDomainAsync(
            new IsLocalDomainRequest { Domain = domain },
            deadline: DateTime.UtcNow + _callTimeout,
            cancellationToken: cancellationToken).ConfigureAwait(false);
        _localDomains.Set(domain, response.Local, generation);
        return response.Local;
    }

    /// <summary>Forgets cached IsLocalDomain answers (call it when a RoutingChanged event arrives).</summary>
    public void InvalidateLocalDomains() => _localDomains.Invalidate();

    public ValueTask DisposeAsync() => _calls.DisposeAsync();
}
