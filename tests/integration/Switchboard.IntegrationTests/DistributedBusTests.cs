using System.Net.Http.Json;
using System.Text.Json;
using Switchboard.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace Switchboard.IntegrationTests;

[CollectionDefinition(Name)]
public sealed class BusDeploymentCollection : ICollectionFixture<BusDistributedDeployment>
{
    /// <summary>One deployment for the bus tests, run one after another (the fault tests stop parts of it).</summary>
    public const string Name = "distributed deployment with RabbitMQ";
}

/// <summary>
/// The distributed deployment as a whole (issue 6): events on RabbitMQ, the System Log fed by every service,
/// each service's /metrics, SIP through both edges.
/// </summary>
[Collection(BusDeploymentCollection.Name)]
public sealed class DistributedBusTests(BusDistributedDeployment deployment, ITestOutputHelper output)
{
    [Fact]
    public async Task Registration_with_digest_publishes_ContactRegistered_on_RabbitMQ()
    {
        await using var events = await RecordingEventConsumer.StartAsync(deployment.Broker.Uri);
        var localPort = await Sipsak.RegisterAsync(deployment.SipPort, "alice");
        var registered = await events.WaitForAsync("alice@", $":{localPort}", TimeSpan.FromSeconds(15));
        Assert.True(registered is not null, "no ContactRegistered for alice; received:\n" + events.Describe());
        Assert.InRange(registered.ExpiresSeconds, 1, 600);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Options_is_answered_through_either_edge(bool secondEdge)
    {
        var port = secondEdge ? deployment.SecondSipPort : deployment.SipPort;
        var result = await ExternalTool.RunAsync("sipsak", ["-vv", "-s", $"sip:ping@127.0.0.1:{port}"], TimeSpan.FromSeconds(20));
        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Contains("SIP/2.0 200", result.Output);
    }

    [Fact]
    public async Task System_log_holds_records_from_at_least_three_services()
    {
        // Traffic through the SIP path makes the services log; records cross the bus to the gateway.
        await Sipsak.RegisterAsync(deployment.SipPort, "bob");
        using var http = new HttpClient { BaseAddress = new Uri(deployment.GatewayApi), Timeout = TimeSpan.FromSeconds(10) };
        var deadline = DateTime.UtcNow.AddSeconds(20);
        HashSet<string> services = [];
        while (DateTime.UtcNow < deadline && services.Count < 3)
        {
            var records = await http.GetFromJsonAsync<List<JsonElement>>("/api/log?last=5000") ?? [];
            // Kinds of service: the two edges ("edge", "edge2") count once.
            services = records.Select(r => (r.GetProperty("service").GetString() ?? "").TrimEnd('2')).ToHashSet();
            await Task.Delay(300);
        }
        output.WriteLine("System Log services: " + string.Join(", ", services));
        Assert.True(services.Count >= 3, "System Log services: " + string.Join(", ", services));
    }

    [Theory]
    [InlineData("router")]
    [InlineData("registrar")]
    [InlineData("transaction")]
    [InlineData("edge")]
    [InlineData("edge2")]
    [InlineData("gateway")]
    public async Task Metrics_are_valid_prometheus_text_with_switchboard_series(string service)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var text = await http.GetStringAsync(deployment.HttpBases[service] + "/metrics");
        var scrape = PrometheusText.Parse(text);
        Assert.Empty(scrape.Problems);
        Assert.NotEmpty(scrape.Types);
        Assert.All(scrape.SeriesNames, name => Assert.Matches("^[a-zA-Z_:][a-zA-Z0-9_:]*$", name));
        Assert.Contains(scrape.SeriesNames, name => name.StartsWith("switchboard_", StringComparison.Ordinal));
    }
}
