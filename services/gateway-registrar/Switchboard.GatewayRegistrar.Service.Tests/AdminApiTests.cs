using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Switchboard.Contracts.Events;

namespace Switchboard.GatewayRegistrar.Service.Tests;

public sealed class AdminApiTests
{
    [Fact]
    public async Task Gateways_follow_create_read_update_delete_outcomes()
    {
        await using var host = await GatewayServiceHost.StartAsync();
        var http = host.Http;
        var trunk = new { name = "trunk", domain = "127.0.0.1:5090", username = "trunk", password = "trunkpw", enabled = false };

        Assert.Equal(HttpStatusCode.Created, (await http.PostAsJsonAsync("/api/gateways", trunk)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await http.PostAsJsonAsync("/api/gateways", trunk with { name = "TRUNK" })).StatusCode);
        var invalid = await http.PostAsJsonAsync("/api/gateways", trunk with { name = "other", domain = "bad host" });
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Contains("domain", await invalid.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, (await http.PostAsJsonAsync("/api/gateways", new { name = "x", domain = "h", username = "u" })).StatusCode);

        var shown = await http.GetFromJsonAsync<JsonElement>("/api/gateways/Trunk");
        Assert.Equal(3600, shown.GetProperty("registerEvery").GetInt32());
        Assert.True(shown.GetProperty("passwordSet").GetBoolean());
        Assert.DoesNotContain("trunkpw", shown.GetRawText());

        var put = await http.PutAsJsonAsync("/api/gateways/trunk", new { domain = "127.0.0.1:5091", username = "trunk", registerEvery = 600, enabled = false });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await http.PutAsJsonAsync("/api/gateways/trunk", new { name = "renamed", domain = "h", username = "u" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.PutAsJsonAsync("/api/gateways/none", new { domain = "h", username = "u" })).StatusCode);
        var list = await http.GetFromJsonAsync<JsonElement[]>("/api/gateways");
        Assert.Equal(("127.0.0.1:5091", 600, true), (list![0].GetProperty("domain").GetString(), list[0].GetProperty("registerEvery").GetInt32(), list[0].GetProperty("passwordSet").GetBoolean()));

        Assert.Equal(HttpStatusCode.NoContent, (await http.DeleteAsync("/api/gateways/trunk")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.DeleteAsync("/api/gateways/trunk")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/api/gateways/trunk")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/api/gateways/trunk/status")).StatusCode);
        Assert.Empty(host.Sip.Requests);
    }

    [Fact]
    public async Task An_added_gateway_registers_at_once_and_shows_status_metrics_and_events()
    {
        await using var host = await GatewayServiceHost.StartAsync();
        var created = await host.Http.PostAsJsonAsync("/api/gateways",
            new { name = "svc-trunk", domain = "127.0.0.1:5090", username = "pbx", password = "pw", registerEvery = 300 });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        var body = await host.WaitForAsync("/api/gateways/svc-trunk/status", b => b.Contains("\"Registered\""));
        var status = JsonDocument.Parse(body).RootElement;
        Assert.Equal(200, status.GetProperty("lastStatusCode").GetInt32());
        var request = Assert.Single(host.Sip.Requests);
        Assert.Equal("<sip:pbx@198.51.100.7>", request.Headers.Single(h => h.Name == "Contact").Value);
        // The status turns Registered before the event is handed to the publisher: wait for it, bounded.
        await WaitUntilAsync(() => host.Events.Events.Any(e => e is GatewayRegistered));
        Assert.Contains(host.Events.Events, e => e is GatewayRegistered { GatewayName: "svc-trunk", Status: 200 });
        var metrics = await host.Http.GetStringAsync("/metrics");
        Assert.Contains("switchboard_gateway_registered{gateway=\"svc-trunk\"} 1", metrics);
        Assert.Contains("switchboard_gateway_registration_expiry_seconds{gateway=\"svc-trunk\"} 300", metrics);

        Assert.Equal(HttpStatusCode.NoContent, (await host.Http.DeleteAsync("/api/gateways/svc-trunk")).StatusCode);
        await WaitUntilAsync(() => host.Sip.Requests.Count == 2);
        Assert.Equal("0", host.Sip.Requests.Last().Headers.Single(h => h.Name == "Expires").Value);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 100 && !condition(); i++)
        {
            await Task.Delay(50);
        }

        Assert.True(condition());
    }
}
