using Grpc.Core;
using Switchboard.Contracts.Registrar;
using Proto = Switchboard.Protos.Registrar;

namespace Switchboard.Protos.Clients;

/// <summary><see cref="IRegistrarService"/> over the registrar's Register and Lookup streams (one each, many calls).</summary>
public sealed class GrpcRegistrarService : IRegistrarService, IAsyncDisposable
{
    private readonly DuplexCallMultiplexer<Proto.RegisterRequest, Proto.RegisterResponse> _registers;
    private readonly DuplexCallMultiplexer<Proto.LookupRequest, Proto.LookupResponse> _lookups;

    public GrpcRegistrarService(Proto.Registrar.RegistrarClient client, StreamingClientOptions? options = null, TimeProvider? time = null)
    {
        _registers = new(ct => client.Register(cancellationToken: ct), r => r.Id, options, time);
        _lookups = new(ct => client.Lookup(cancellationToken: ct), r => r.Id, options, time);
    }

    public long StreamsOpened => _registers.StreamsOpened + _lookups.StreamsOpened;

    public async ValueTask<RegisterResult> RegisterAsync(RegisterRequest request, CancellationToken cancellationToken = default)
    {
        var response = await _registers.CallAsync(id => RegistrarMessages.ToProto(request, id), cancellationToken).ConfigureAwait(false);
        if (response.Error.Length > 0)
            throw new RpcException(new Status(StatusCode.Internal, response.Error));
        return RegistrarMessages.FromProto(response);
    }

    public async ValueTask<IReadOnlyList<ContactBinding>> LookupAsync(string aor, CancellationToken cancellationToken = default)
    {
        var response = await _lookups.CallAsync(id => new Proto.LookupRequest { Id = id, Aor = aor }, cancellationToken).ConfigureAwait(false);
        if (response.Error.Length > 0)
            throw new RpcException(new Status(StatusCode.Internal, response.Error));
        return [.. response.Bindings.Select(RegistrarMessages.FromProto)];
    }

    public async ValueTask DisposeAsync()
    {
        await _registers.DisposeAsync().ConfigureAwait(false);
        await _lookups.DisposeAsync().ConfigureAwait(false);
    }
}
