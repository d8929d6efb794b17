using Grpc.Core;
using Microsoft.Extensions.Options;
using Switchboard.Contracts.Routing;
using Switchboard.Protos.Router;
using Switchboard.Protos.Streaming;

namespace Switchboard.Router.Service.Grpc;

/// <summary>Server adapter for router.proto over the library's Contracts adapters.</summary>
public sealed class RouterGrpcService(
    ICredentialLookup credentials,
    IAddressResolutionService resolution,
    IOptions<RouterServiceOptions> options,
    IHostApplicationLifetime lifetime) : Protos.Router.Router.RouterBase
{
    private readonly int _concurrency = Math.Max(1, options.Value.MaxConcurrentCallsPerStream);

    public override async Task LookupCredentials(
        IAsyncStreamReader<LookupCredentialsRequest> requestStream,
        IServerStreamWriter<LookupCredentialsResponse> responseStream,
        ServerCallContext context)
    {
        using var ending = EndsWithCallOrHost(context);
        await DuplexStreamPump.RunAsync(requestStream, responseStream, LookupAsync,
            (request, error) => new LookupCredentialsResponse { Id = request.Id, Error = error.Message },
            _concurrency, ending.Token);
    }

    public override async Task Resolve(
        IAsyncStreamReader<ResolveRequest> requestStream,
        IServerStreamWriter<ResolveResponse> responseStream,
        ServerCallContext context)
    {
        using var ending = EndsWithCallOrHost(context);
        await DuplexStreamPump.RunAsync(requestStream, responseStream, ResolveAsync,
            (request, error) => new ResolveResponse { Id = request.Id, Error = error.Message },
            _concurrency, ending.Token);
    }

    public override async Task<IsLocalDomainResponse> IsLocalDomain(IsLocalDomainRequest request, ServerCallContext context) =>
        new() { Local = await resolution.IsLocalDomainAsync(request.Domain, context.CancellationToken) };

    // A long-lived stream never ends by itself: close it on shutdown so the host stops at once and clients reconnect.
    private CancellationTokenSource EndsWithCallOrHost(ServerCallContext context) =>
        CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken, lifetime.ApplicationStopping);

    private async ValueTask<LookupCredentialsResponse> LookupAsync(LookupCredentialsRequest request, CancellationToken token)
    {
        var found = await credentials.FindAsync(request.User, request.Domain, token);
        return found is null
            ? new LookupCredentialsResponse { Id = request.Id }
            : new LookupCredentialsResponse
            {
                Id = request.Id,
                Found = true,
                User = found.User,
                Domain = found.Domain,
                Ha1Md5 = found.Ha1Md5,
                Ha1Sha256 = found.Ha1Sha256,
                NtHash = found.NtHash ?? string.Empty,
            };
    }

    private async ValueTask<ResolveResponse> ResolveAsync(ResolveRequest request, CancellationToken token)
    {
        var result = await resolution.ResolveAsync(request.User, request.Domain, token);
        return new ResolveResponse
        {
            Id = request.Id,
            // The proto enum has the Contracts enum's values (LocalAccount 0 … Rejected 3).
            Kind = (ResolutionKind)result.Kind,
            User = result.User ?? "",
            Domain = result.Domain ?? "",
            Uri = result.Uri ?? "",
            GatewayName = result.GatewayName ?? "",
            StatusCode = result.StatusCode,
            Reason = result.Reason ?? "",
        };
    }
}
