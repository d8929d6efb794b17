using System.Net;
using System.Net.Http.Json;
using Grpc.Net.Client;
using Switchboard.Contracts.Gateway;
using Switchboard.Protos.Clients;
using GatewayDirectoryClient = Switchboard.Protos.GatewayRegistrar.GatewayDirectory.GatewayDirectoryClient;

namespace Switchboard.GatewayRegistrar.Service.Tests;

/// <summary>The service as wired by AddGatewayRegistrarService/MapGatewayRegistrarEndpoints serves gateways.db over gRPC.</summary>
public sealed class GatewayDirectoryEndpointTests
{
    [Fact]
    public async Task A_gateway_created_over_the_admin_api_is_listed_over_grpc_with_its_credentials()
    {
        await using var host = await GatewayServiceHost.StartAsync();
        var trunk = new { name = "pstn", domain = "127.0.0.1:5090", username = "trunk", password = "trunkpw", registerEvery = 600, enabled = false };
        Assert.Equal(HttpStatusCode.Created, (await host.Http.PostAsJsonAsync("/api/gateways", trunk)).StatusCode);
        using var channel = GrpcChannel.ForAddress(host.GrpcAddress);
        using var directory = new GrpcGatewayDirectory(new GatewayDirectoryClient(channel));

        GatewaySettings? found = await directory.FindAsync("PSTN");

        Assert.NotNull(found);
        Assert.Equal(("pstn", "127.0.0.1:5090", "trunk", "trunkpw", 600, false),
            (found.Name, found.Domain, found.Username, found.Password, found.RegisterEverySeconds, found.Enabled));
    }
}
