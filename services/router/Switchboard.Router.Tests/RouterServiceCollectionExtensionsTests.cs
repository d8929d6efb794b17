using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Router.Accounts;
using Switchboard.Router.Addressing;
using Switchboard.Router.Resolution;
using Switchboard.Router.Routing;
using Xunit;

namespace Switchboard.Router.Tests;

public class RouterServiceCollectionExtensionsTests
{
    [Fact]
    public async Task WiresStoresAndResolver()
    {
        var directory = Path.Combine(Path.GetTempPath(), "switchboard-router-di-" + Guid.NewGuid().ToString("N"));
        try
        {
            var services = new ServiceCollection();
            services.AddSwitchboardRouter(s => s.DataDirectory = directory, r => r.MainDomain = "home.example");
            await using (var provider = services.BuildServiceProvider())
            {
                provider.GetRequiredService<IDomainStore>().AddDomain("home.example");
                provider.GetRequiredService<IAccountStore>().CreateAccount("ann", "home.example", "pw");
                var resolver = provider.GetRequiredService<IAddressResolver>();
                Assert.IsType<CachingAddressResolver>(resolver);
                Assert.IsType<AddressResolution.Rejection>(resolver.Resolve("ally@home.example"));

                provider.GetRequiredService<IRoutingStore>().AddAlias(new Alias("ally", "home.example", "ann"));

                Assert.Equal(new AddressResolution.LocalAccount(new SipAddress("ann", "home.example")), resolver.Resolve("ally", RouterTraffic.Access));
                var credentials = await provider.GetRequiredService<Switchboard.Contracts.Routing.ICredentialLookup>().FindAsync("ann", "home.example");
                Assert.Equal("ann", credentials?.User);
                Assert.True(await provider.GetRequiredService<Switchboard.Contracts.Routing.IAddressResolutionService>().IsLocalDomainAsync("home.example"));
            }
            Assert.True(File.Exists(Path.Combine(directory, "router.db")));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            if (Directory.Exists(directory))
                Directory.Delete(directory, recursive: true);
        }
    }
}
