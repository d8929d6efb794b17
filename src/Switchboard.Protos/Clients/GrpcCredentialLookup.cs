using Grpc.Core;
using Switchboard.Contracts.Routing;
using Switchboard.Protos.Router;

namespace Switchboard.Protos.Clients;

/// <summary><see cref="ICredentialLookup"/> over the router's LookupCredentials stream (one stream, many calls).</summary>
public sealed class GrpcCredentialLookup : ICredentialLookup, IAsyncDisposable
{
    private readonly DuplexCallMultiplexer<LookupCredentialsRequest, LookupCredentialsResponse> _calls;

    public GrpcCredentialLookup(Router.Router.RouterClient client, StreamingClientOptions? options = null, TimeProvider? time = null)
    {
        _calls = new(ct => client.LookupCredentials(cancellationToken: ct), r => r.Id, options, time);
    }

    /// <summary>Streams opened so far; more than one means the stream broke and was reopened.</summary>
    public long StreamsOpened => _calls.StreamsOpened;

    public async ValueTask<AccountCredentials?> FindAsync(string user, string domain, CancellationToken cancellationToken = default)
    {
        var response = await _calls.CallAsync(
            id => new LookupCredentialsRequest { Id = id, User = user, Domain = domain }, cancellationToken).ConfigureAwait(false);
        if (response.Error.Length > 0)
            throw new RpcException(new Status(StatusCode.Internal, response.Error));
        return response.Found
            ? new AccountCredentials(response.User, response.Domain, response.Ha1Md5, response.Ha1Sha256, response.NtHash.Length > 0 ? response.NtHash : null)
            : null;
    }

    public ValueTask DisposeAsync() => _calls.DisposeAsync();
}
