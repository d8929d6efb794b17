using Switchboard.Contracts.Routing;
using Switchboard.Router.Adapters;
using AddressResolution = Switchboard.Contracts.Routing.AddressResolution;
using Switchboard.Router.Routing;
using Switchboard.Router.Tests.Support;
using Xunit;

namespace Switchboard.Router.Tests.Adapters;

public class ContractAdapterTests
{
    [Fact]
    public async Task CredentialLookupReturnsTheStoredHa1Values()
    {
        using var data = new TempRouterData();
        data.Domains.AddDomain("example.com");
        data.Accounts.CreateAccount("alice", "example.com", "secret");
        using var lookup = new RouterCredentialLookup(data.Accounts, data.Changes);

        var found = await lookup.FindAsync("alice", "example.com");

        Assert.NotNull(found);
        Assert.Equal("alice", found.User);
        Assert.Equal("example.com", found.Domain);
        // MD5("alice:example.com:secret"), RFC 7616 §3.4.2.
        Assert.Equal(Md5Hex("alice:example.com:secret"), found.Ha1Md5);
        Assert.Equal(found.Ha1Md5, found.Ha1For("MD5-sess"));
        Assert.Equal(64, found.Ha1Sha256.Length);
        Assert.Null(await lookup.FindAsync("bob", "example.com"));
    }

    [Fact]
    public async Task CachedCredentialsFollowAccountChanges()
    {
        using var data = new TempRouterData();
        data.Domains.AddDomain("example.com");
        using var lookup = new RouterCredentialLookup(data.Accounts, data.Changes);

        Assert.Null(await lookup.FindAsync("alice", "example.com"));
        Assert.Equal(1, lookup.Count); // misses are cached too
        data.Accounts.CreateAccount("alice", "example.com", "one");
        var first = await lookup.FindAsync("alice", "Example.COM");
        Assert.Equal(Md5Hex("alice:example.com:one"), first?.Ha1Md5);

        data.Accounts.SetPassword("alice", "example.com", "two");
        Assert.Equal(Md5Hex("alice:example.com:two"), (await lookup.FindAsync("alice", "example.com"))?.Ha1Md5);
        data.Routing.SetRouterTable("<x> = y@example.com"); // not an account change: the cache stays
        Assert.Equal(1, lookup.Count);
        data.Domains.RemoveDomain("example.com");
        Assert.Null(await lookup.FindAsync("alice", "example.com"));
    }

    [Fact]
    public async Task ResolutionMapsEveryKind()
    {
        using var data = new TempRouterData();
        data.Domains.AddDomain("example.com");
        data.Accounts.CreateAccount("alice", "example.com", "pw");
        data.Routing.AddAlias(new Alias("al", "example.com", "alice"));
        data.Routing.SetForwarder(new Forwarder("out", "example.com", "sip:carol@far.example"));
        Assert.True(data.Routing.SetRouterTable("Live:<9*> = *@gateway:pstn\n<blocked@example.com> = error:603 Declined").Succeeded);
        var service = new RouterAddressResolutionService(data.Resolver(), data.Domains);

        Assert.Equal(AddressResolution.Local("alice", "example.com"), await service.ResolveAsync("al", "example.com"));
        var remote = await service.ResolveAsync("out", "example.com");
        Assert.Equal(AddressResolutionKind.Remote, remote.Kind);
        Assert.Equal("sip:carol@far.example", remote.Uri);
        var gateway = await service.ResolveAsync("9123", "example.com");
        Assert.Equal(AddressResolution.ToGateway("pstn", "123"), gateway);
        var declined = await service.ResolveAsync("blocked", "example.com");
        Assert.Equal((AddressResolutionKind.Rejected, 603), (declined.Kind, declined.StatusCode));
        Assert.Equal(404, (await service.ResolveAsync("nobody", "example.com")).StatusCode);
        Assert.True(await service.IsLocalDomainAsync("EXAMPLE.com"));
        Assert.False(await service.IsLocalDomainAsync("far.example"));
    }

    [Fact]
    public void ToContractRejectsNothingItKnows()
    {
        var mapped = RouterAddressResolutionService.ToContract(new Switchboard.Router.Resolution.AddressResolution.Rejection(482, "Loop Detected"));
        Assert.Equal(AddressResolution.Reject(482, "Loop Detected"), mapped);
    }

    private static string Md5Hex(string text) =>
        Convert.ToHexStringLower(System.Security.Cryptography.MD5.HashData(System.Text.Encoding.UTF8.GetBytes(text)));
}
