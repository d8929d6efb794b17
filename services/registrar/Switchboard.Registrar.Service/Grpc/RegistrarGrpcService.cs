using Grpc.Core;
using Microsoft.Extensions.Options;
using Switchboard.Contracts.Registrar;
using Switchboard.Protos.Clients;
using Switchboard.Protos.Streaming;
using Proto = Switchboard.Protos.Registrar;

namespace Switchboard.Registrar.Service.Grpc;

/// <summary>Server adapter for registrar.proto over the library's <see cref="IRegistrarService"/>.</summary>
public sealed class RegistrarGrpcService(
    IRegistrarService registrar,
    IOptions<RegistrarServiceOptions> options,
    IHostApplicationLifetime lifetime) : Proto.Registrar.RegistrarBase
{
    private readonly int _concurrency = Math.Max(1, options.Value.MaxConcurrentCallsPerStream);

    public override async Task Register(
        IAsyncStreamReader<Proto.RegisterRequest> requestStream,
        IServerStreamWriter<Proto.RegisterResponse> responseStream,
        ServerCallContext context)
    {
        using var ending = EndsWithCallOrHost(context);
        await DuplexStreamPump.RunAsync(requestStream, responseStream, RegisterAsync,
            (request, error) => new Proto.RegisterResponse { Id = request.Id, Error = error.Message },
            _concurrency, ending.Token);
    }

    public override async Task Lookup(
        IAsyncStreamReader<Proto.LookupRequest> requestStream,
        IServerStreamWriter<Proto.LookupResponse> responseStream,
        ServerCallContext context)
    {
        using var ending = EndsWithCallOrHost(context);
        await DuplexStreamPump.RunAsync(requestStream, responseStream, LookupAsync,
            (request, error) => new Proto.LookupResponse { Id = request.Id, Error = error.Message },
            _concurrency, ending.Token);
    }

    // A long-lived stream never ends by itself: close it on shutdown so the host stops at once and clients reconnect.
    private CancellationTokenSource EndsWithCallOrHost(ServerCallContext context) =>
        CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken, lifetime.ApplicationStopping);

    private async ValueTask<Proto.RegisterResponse> RegisterAsync(Proto.RegisterRequest request, CancellationToken token) =>
        RegistrarMessages.ToProto(await registrar.RegisterAsync(RegistrarMessages.FromProto(request), token), request.Id);

    private async ValueTask<Proto.LookupResponse> LookupAsync(Proto.LookupRequest request, CancellationToken token)
    {
        var bindings = await registrar.LookupAsync(request.Aor, token);
        var response = new Proto.LookupResponse { Id = request.Id };
        response.Bindings.AddRange(bindings.Select(RegistrarMessages.ToProto));
        return response;
    }
}
