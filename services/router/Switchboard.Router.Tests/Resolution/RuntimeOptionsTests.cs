using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Switchboard.Router.Accounts;
using Switchboard.Router.Addressing;
using Switchboard.Router.Resolution;
using Xunit;

namespace Switchboard.Router.Tests.Resolution;

/// <summary>Resolver options changed while the router runs (configuration reload → IOptionsMonitor).</summary>
public sealed class RuntimeOptionsTests : IAsyncDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "switchboard-router-rt-" + Guid.NewGuid().ToString("N"));
    private readonly IConfigurationRoot _configuration = new ConfigurationBuilder().AddInMemoryCollection().Build();
    private readonly ServiceProvider _provider;

    public RuntimeOptionsTests()
    {
        var services = new ServiceCollection().AddSwitchboardRouter(s => s.DataDirectory = _directory);
        services.Configure<ResolverOptions>(_configuration.GetSection("Router:Resolver"));
        _provider = services.BuildServiceProvider();
        _provider.GetRequiredService<IDomainStore>().AddDomain("main.dom");
        _provider.GetRequiredService<IAccountStore>().CreateAccount("9123", "main.dom", "pw");
    }

    [Fact]
    public void A_new_MainDomain_applies_to_the_next_lookup_even_after_a_cached_miss()
    {
        var resolver = _provider.GetRequiredService<IAddressResolver>();
        Assert.IsType<AddressResolution.Rejection>(resolver.Resolve("9123")); // no main domain: not found, and cached

        _configuration["Router:Resolver:MainDomain"] = "main.dom";
        _configuration.Reload();

        Assert.Equal(new AddressResolution.LocalAccount(new SipAddress("9123", "main.dom")), resolver.Resolve("9123"));
    }

    [Fact]
    public void Resolver_options_that_cannot_work_fail_validation()
    {
        _configuration["Router:Resolver:MaxChainLength"] = "0";
        _configuration["Router:Resolver:MainDomain"] = "not a domain";

        var failure = Assert.Throws<OptionsValidationException>(
            () => _provider.GetRequiredService<IOptionsFactory<ResolverOptions>>().Create(Options.DefaultName));

        Assert.Equal(2, failure.Failures.Count());
    }

    public async ValueTask DisposeAsync()
    {
        await _provider.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_directory))
            Directory.Delete(_directory, recursive: true);
    }
}
