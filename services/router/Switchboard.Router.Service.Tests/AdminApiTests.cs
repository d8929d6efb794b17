using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Switchboard.Contracts.Events;

namespace Switchboard.Router.Service.Tests;

public class AdminApiTests
{
    [Fact]
    public async Task DomainsAndAccountsFollowTheAdminOutcomes()
    {
        await using var host = await RouterServiceHost.StartAsync();
        var http = host.Http;

        Assert.Equal(HttpStatusCode.Created, (await http.PostAsJsonAsync("/api/router/domains", new { name = "Example.COM" })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await http.PostAsJsonAsync("/api/router/domains", new { name = "example.com" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await http.PostAsJsonAsync("/api/router/domains", new { name = "" })).StatusCode);
        Assert.Equal(["example.com"], (await http.GetFromJsonAsync<string[]>("/api/router/domains"))!);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/api/router/domains/example.com")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/api/router/domains/other.example")).StatusCode);

        Assert.Equal(HttpStatusCode.Created, (await http.PostAsJsonAsync("/api/router/accounts", new { user = "alice", domain = "example.com", password = "pw" })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await http.PostAsJsonAsync("/api/router/accounts", new { user = "alice", domain = "example.com", password = "pw" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.PostAsJsonAsync("/api/router/accounts", new { user = "bob", domain = "nowhere.example", password = "pw" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await http.PostAsJsonAsync("/api/router/accounts", new { user = "bob", domain = "example.com" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await http.PostAsJsonAsync("/api/router/accounts", new { user = "b c", domain = "example.com", password = "pw" })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await http.PostAsJsonAsync("/api/router/accounts", new { user = "bob", domain = "example.com", password = "pw" })).StatusCode);

        var page = await http.GetFromJsonAsync<JsonElement>("/api/router/accounts?domain=example.com&skip=1&take=5");
        Assert.Equal(2, page.GetProperty("total").GetInt32());
        Assert.Equal("bob", Assert.Single(page.GetProperty("items").EnumerateArray()).GetProperty("user").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, (await http.GetAsync("/api/router/accounts")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await http.PutAsJsonAsync("/api/router/accounts/example.com/alice/password", new { password = "new" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.PutAsJsonAsync("/api/router/accounts/example.com/carol/password", new { password = "new" })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await http.DeleteAsync("/api/router/accounts/example.com/bob")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.DeleteAsync("/api/router/accounts/example.com/bob")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await http.DeleteAsync("/api/router/domains/example.com")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.DeleteAsync("/api/router/domains/example.com")).StatusCode);
    }

    [Fact]
    public async Task ImportsTenThousandCsvLinesInUnderThirtySeconds()
    {
        await using var host = await RouterServiceHost.StartAsync();
        await host.Http.PostAsJsonAsync("/api/router/domains", new { name = "bulk.example" });
        var csv = new StringBuilder("user,domain,password\n");
        for (var i = 0; i < 10_000; i++)
            csv.Append("user").Append(i).Append(",bulk.example,pw").Append(i).Append('\n');

        var clock = Stopwatch.StartNew();
        var response = await host.Http.PostAsync("/api/router/accounts/import", new StringContent(csv.ToString(), Encoding.UTF8, "text/csv"));
        clock.Stop();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(10_000, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("imported").GetInt32());
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"import took {clock.Elapsed}");
        var page = await host.Http.GetFromJsonAsync<JsonElement>("/api/router/accounts?domain=bulk.example&take=1");
        Assert.Equal(10_000, page.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task BadCsvIsRefusedWithLineNumbersAndImportsNothing()
    {
        await using var host = await RouterServiceHost.StartAsync();
        await host.Http.PostAsJsonAsync("/api/router/domains", new { name = "example.com" });
        const string csv = "user,domain,password\nann,example.com,pw\nbad line\nbob,example.com,\n";

        var response = await host.Http.PostAsync("/api/router/accounts/import", new StringContent(csv, Encoding.UTF8, "text/csv"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var lines = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateArray()
            .Select(e => e.GetProperty("line").GetInt32()).ToArray();
        Assert.Equal([3, 4], lines);
        var page = await host.Http.GetFromJsonAsync<JsonElement>("/api/router/accounts?domain=example.com");
        Assert.Equal(0, page.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task RouterTableIsReplacedOnlyWhenEveryLineParses()
    {
        await using var host = await RouterServiceHost.StartAsync();
        const string good = "; gateways\nLive:<9*> = 011*@sip.provider.example\n";
        Assert.Equal(HttpStatusCode.NoContent, (await host.Http.PutAsync("/api/router/table", new StringContent(good, Encoding.UTF8, "text/plain"))).StatusCode);

        const string bad = "<ok> = alice@example.com\nno equals sign here\nBogus:<x> = y\n";
        var response = await host.Http.PutAsync("/api/router/table", new StringContent(bad, Encoding.UTF8, "text/plain"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateArray().ToArray();
        Assert.Equal([2, 3], errors.Select(e => e.GetProperty("line").GetInt32()));
        Assert.Contains("Bogus", errors[1].GetProperty("message").GetString());
        Assert.Equal(good, await host.Http.GetStringAsync("/api/router/table"));
    }

    [Fact]
    public async Task AliasesAndForwardersRoundTrip()
    {
        await using var host = await RouterServiceHost.StartAsync();
        var http = host.Http;
        await http.PostAsJsonAsync("/api/router/domains", new { name = "example.com" });
        await http.PostAsJsonAsync("/api/router/accounts", new { user = "alice", domain = "example.com", password = "pw" });

        Assert.Equal(HttpStatusCode.Created, (await http.PostAsJsonAsync("/api/router/aliases", new { name = "al", domain = "example.com", account = "alice" })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await http.PostAsJsonAsync("/api/router/aliases", new { name = "al", domain = "example.com", account = "alice" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.PostAsJsonAsync("/api/router/aliases", new { name = "x", domain = "example.com", account = "ghost" })).StatusCode);
        var aliases = await http.GetFromJsonAsync<JsonElement>("/api/router/aliases?domain=example.com");
        Assert.Equal("alice", Assert.Single(aliases.EnumerateArray()).GetProperty("account").GetString());

        Assert.Equal(HttpStatusCode.OK, (await http.PostAsJsonAsync("/api/router/forwarders", new { name = "sales", domain = "example.com", target = "sip:desk@far.example" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.PostAsJsonAsync("/api/router/forwarders", new { name = "sales", domain = "example.com", target = "alice@example.com" })).StatusCode);
        var forwarders = await http.GetFromJsonAsync<JsonElement>("/api/router/forwarders?domain=example.com");
        Assert.Equal("alice@example.com", Assert.Single(forwarders.EnumerateArray()).GetProperty("target").GetString());

        Assert.Equal(HttpStatusCode.NoContent, (await http.DeleteAsync("/api/router/aliases/example.com/al")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.DeleteAsync("/api/router/aliases/example.com/al")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await http.DeleteAsync("/api/router/forwarders/example.com/sales")).StatusCode);
        Assert.Empty((await http.GetFromJsonAsync<JsonElement>("/api/router/forwarders?domain=example.com")).EnumerateArray());
    }

    [Fact]
    public async Task ChangesArePublishedAsRoutingChangedEvents()
    {
        var publisher = new RecordingEventPublisher();
        await using var host = await RouterServiceHost.StartAsync(publisher: publisher);

        await host.Http.PostAsJsonAsync("/api/router/domains", new { name = "example.com" });
        await host.Http.PostAsJsonAsync("/api/router/accounts", new { user = "alice", domain = "example.com", password = "pw" });
        await host.Http.PutAsync("/api/router/table", new StringContent("<9*> = *@far.example", Encoding.UTF8, "text/plain"));

        var events = publisher.Events.OfType<RoutingChanged>().ToList();
        Assert.Equal(
            [(RoutingChangeKind.Accounts, "example.com"), (RoutingChangeKind.Accounts, "example.com"), (RoutingChangeKind.RouterRecords, null)],
            events.Select(e => (e.Kind, e.Key)));
    }

    [Fact]
    public async Task HealthAndMetricsAreServed()
    {
        await using var host = await RouterServiceHost.StartAsync();
        Assert.Equal(HttpStatusCode.OK, (await host.Http.GetAsync("/health")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await host.Http.GetAsync("/metrics")).StatusCode);
    }
}
