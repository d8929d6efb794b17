using Switchboard.GatewayRegistrar.Storage;
using Switchboard.GatewayRegistrar.Tests.Support;

namespace Switchboard.GatewayRegistrar.Tests.Storage;

public sealed class SqliteGatewayStoreTests : IDisposable
{
    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task Adds_finds_case_insensitively_updates_and_removes()
    {
        var store = new SqliteGatewayStore(_db.Database);
        var trunk = LoopHarness.Trunk() with { Contact = "sip:pbx@203.0.113.5" };

        Assert.Equal(GatewayChangeResult.Done, await store.AddAsync(trunk));
        Assert.Equal(GatewayChangeResult.AlreadyExists, await store.AddAsync(trunk with { Name = "TRUNK" }));
        Assert.Equal(trunk, await store.FindAsync("Trunk"));
        Assert.Equal(GatewayChangeResult.Done, await store.UpdateAsync(trunk with { RegisterEverySeconds = 600, Contact = null }));
        Assert.Equal(trunk with { RegisterEverySeconds = 600, Contact = null }, await new SqliteGatewayStore(_db.OpenAgain()).FindAsync("trunk"));
        Assert.Equal(GatewayChangeResult.Done, await store.RemoveAsync("trunk"));
        Assert.Equal(GatewayChangeResult.NotFound, await store.RemoveAsync("trunk"));
        Assert.Equal(GatewayChangeResult.NotFound, await store.UpdateAsync(trunk));
        Assert.Empty(await store.ListAsync());
    }

    [Fact]
    public async Task Lists_several_gateways_by_name()
    {
        var store = new SqliteGatewayStore(_db.Database);
        await store.AddAsync(LoopHarness.Trunk() with { Name = "zeta" });
        await store.AddAsync(LoopHarness.Trunk() with { Name = "alpha", Domain = "sip.provider.test" });

        Assert.Equal(["alpha", "zeta"], (await store.ListAsync()).Select(g => g.Name));
    }

    [Fact]
    public async Task Refuses_invalid_settings()
    {
        var store = new SqliteGatewayStore(_db.Database);

        Assert.Equal(GatewayChangeResult.Invalid, await store.AddAsync(LoopHarness.Trunk() with { Domain = "bad host" }));
        Assert.Equal(GatewayChangeResult.Invalid, await store.AddAsync(LoopHarness.Trunk() with { RegisterEverySeconds = 1 }));
        Assert.Equal(GatewayChangeResult.Invalid, await store.AddAsync(LoopHarness.Trunk() with { Contact = "mailto:x@y" }));
        Assert.Empty(await store.ListAsync());
    }
}
