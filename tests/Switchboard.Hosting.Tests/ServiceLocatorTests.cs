using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Hosting.Discovery;

namespace Switchboard.Hosting.Tests;

public sealed class ServiceLocatorTests
{
    private static IServiceLocator Locator(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging().AddSwitchboardDiscovery(configuration);
        return services.BuildServiceProvider().GetRequiredService<IServiceLocator>();
    }

    [Fact]
    public async Task Without_consul_endpoints_come_from_configuration()
    {
        var locator = Locator(new()
        {
            ["Services:registrar:Endpoints:0"] = "http://127.0.0.1:5101",
            ["Services:registrar:Endpoints:1"] = "https://127.0.0.2:5443",
        });

        var endpoints = await locator.Resolve("registrar");

        Assert.Equal(2, endpoints.Count);
        Assert.Equal(("127.0.0.1", 5101), (endpoints[0].Host, endpoints[0].Port));
        Assert.Equal(new Uri("https://127.0.0.2:5443/"), endpoints[1].ToUri());
        Assert.Empty(await locator.Resolve("router"));
    }

    [Fact]
    public async Task A_malformed_static_endpoint_is_a_clear_error()
    {
        var locator = Locator(new() { ["Services:router:Endpoints:0"] = "127.0.0.1:5101" });

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => locator.Resolve("router"));

        Assert.Contains("Services:router:Endpoints", error.Message);
    }

    [Fact]
    public async Task With_consul_endpoints_are_the_passing_instances()
    {
        await using var consul = await RecordingConsulServer.Start();
        consul.Reply("GET", "/v1/health/service/router", 200,
            """[{"Node":{"Address":"127.0.0.1"},"Service":{"ID":"router-1","Address":"127.0.0.3","Port":5301}}]""");
        var locator = Locator(new() { ["Consul:Address"] = consul.Address.ToString() });

        var endpoint = Assert.Single(await locator.Resolve("router"));

        Assert.Equal(("router-1", "127.0.0.3", 5301), (endpoint.Id, endpoint.Host, endpoint.Port));
        Assert.Equal("?passing=true", Assert.Single(consul.Requests).Query);
    }
}
