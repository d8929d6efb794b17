using System.Net.Http.Json;
using System.Text.Json;
using Switchboard.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace Switchboard.IntegrationTests;

/// <summary>
/// Run-time settings across processes (issue 6): a level changed once through the admin gateway's HTTP API travels
/// as <c>SettingsChanged</c> over RabbitMQ and is applied by every service process, each on its own queue.
/// </summary>
[Collection(BusDeploymentCollection.Name)]
public sealed class DistributedSettingsTests(BusDistributedDeployment deployment, ITestOutputHelper output)
{
    private const string Tag = "MEDIA";

    [Fact]
    public async Task A_log_level_set_at_the_gateway_is_applied_in_every_service_process()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var before = await http.GetFromJsonAsync<JsonElement>(deployment.GatewayApi + "/api/settings/log-levels");
        var previous = before.GetProperty("current").GetProperty(Tag).GetString() ?? "Problems";
        var wanted = previous == "LowLevel" ? "AllInfo" : "LowLevel";
        try
        {
            await PutLevelAsync(http, wanted);

            var processes = deployment.HttpBases.Keys.Order().ToArray();
            var seen = new Dictionary<string, string?>();
            var deadline = DateTime.UtcNow.AddSeconds(20);
            do
            {
                foreach (var name in processes.Where(p => seen.GetValueOrDefault(p) != wanted))
                {
                    var levels = await http.GetFromJsonAsync<Dictionary<string, string>>(deployment.HttpBases[name] + "/log-levels");
                    seen[name] = levels?.GetValueOrDefault(Tag);
                }
                if (seen.Values.All(v => v == wanted))
                {
                    break;
                }
                await Task.Delay(200);
            }
            while (DateTime.UtcNow < deadline);

            output.WriteLine(string.Join(", ", seen.Select(p => $"{p.Key}={p.Value}")));
            Assert.Contains("transaction", processes);
            Assert.Contains("edge2", processes);
            Assert.All(processes, name => Assert.True(seen.GetValueOrDefault(name) == wanted,
                $"{name} applies {Tag}={seen.GetValueOrDefault(name)}, not {wanted}"));
        }
        finally
        {
            await PutLevelAsync(http, previous);
        }
    }

    private async Task PutLevelAsync(HttpClient http, string level)
    {
        using var response = await http.PutAsJsonAsync($"{deployment.GatewayApi}/api/settings/SystemLog/{Tag}", new { value = level });
        Assert.True(response.IsSuccessStatusCode, $"PUT {Tag}={level}: {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }
}
