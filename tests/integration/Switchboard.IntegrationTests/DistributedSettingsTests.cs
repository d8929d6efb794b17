using System.Net.Http.Json;
using System.Text.Json;
using Switchboard.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace Switchboard.IntegrationTests;

/// <summary>
/// Run-time settings across processes (issue 6): a level changed once through the admin gateway's HTTP API travels
/// as <c>SettingsChanged</c> over RabbitMQ and is applied by every service process, each on its own queue; a registrar
/// setting changed the same way is what the registrar answers the next REGISTER with.
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

    [Fact]
    public async Task A_Minimal_Registration_set_at_the_gateway_makes_the_registrar_answer_423_with_the_new_Min_Expires()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        try
        {
            await PutSettingAsync(http, "Registrar", "MinimalRegistration", "00:02:00");

            // The change travels over RabbitMQ: retry the short REGISTER (bounded) until the registrar refuses it.
            ExternalTool.Result? refused = null;
            var deadline = DateTime.UtcNow.AddSeconds(20);
            do
            {
                var attempt = await RegisterCarolAsync(90);
                if (attempt.Output.Contains("423", StringComparison.Ordinal))
                {
                    refused = attempt;
                    break;
                }
                await Task.Delay(200);
            }
            while (DateTime.UtcNow < deadline);

            Assert.True(refused is not null, "no 423 to a REGISTER of 90 s within 20 s of the change");
            output.WriteLine(refused.Output);
            Assert.Contains("Min-Expires: 120", refused.Output, StringComparison.OrdinalIgnoreCase);
            Assert.NotEqual(0, refused.ExitCode);
            await Sipsak.RegisterAsync(deployment.SipPort, "carol", expires: 150);
        }
        finally
        {
            await PutSettingAsync(http, "Registrar", "MinimalRegistration", "00:01:00"); // the registrar's default
        }
    }

    private Task<ExternalTool.Result> RegisterCarolAsync(int expires) => ExternalTool.RunAsync("sipsak",
        ["-U", "-s", $"sip:carol@127.0.0.1:{deployment.SipPort}", "-a", "carolpw", "-u", "carol",
            "-l", FreePorts.Next().ToString(), "-x", expires.ToString(), "-i", "-vv"],
        TimeSpan.FromSeconds(30));

    private async Task PutSettingAsync(HttpClient http, string component, string key, string value)
    {
        using var response = await http.PutAsJsonAsync($"{deployment.GatewayApi}/api/settings/{component}/{key}", new { value });
        Assert.True(response.IsSuccessStatusCode, $"PUT {component}/{key}={value}: {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    private async Task PutLevelAsync(HttpClient http, string level)
    {
        using var response = await http.PutAsJsonAsync($"{deployment.GatewayApi}/api/settings/SystemLog/{Tag}", new { value = level });
        Assert.True(response.IsSuccessStatusCode, $"PUT {Tag}={level}: {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }
}
