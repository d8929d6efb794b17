using Grpc.Core;
using Switchboard.Contracts.Gateway;
using Switchboard.Protos.Clients;
using Switchboard.Protos.GatewayRegistrar;

namespace Switchboard.GatewayRegistrar.Service.Grpc;

/// <summary>The gateway list (<see cref="IGatewayDirectory"/>, i.e. gateways.db) for the transaction service's proxy.</summary>
public sealed class GatewayDirectoryGrpcService(IGatewayDirectory directory) : GatewayDirectory.GatewayDirectoryBase
{
    public override async Task<ListGatewaysResponse> ListGateways(ListGatewaysRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        IReadOnlyList<GatewaySettings> gateways = await directory.ListAsync(context.CancellationToken).ConfigureAwait(false);
        var response = new ListGatewaysResponse();
        response.Gateways.AddRange(gateways.Select(GatewayMessages.ToMessage));
        return response;
    }
}
