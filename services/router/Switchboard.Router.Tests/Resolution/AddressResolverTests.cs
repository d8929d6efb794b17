using Switchboard.Router.Accounts;
using Switchboard.Router.Addressing;
using Switchboard.Router.Resolution;
using Switchboard.Router.Routing;
using Switchboard.Router.Tests.Support;
using Xunit;

namespace Switchboard.Router.Tests.Resolution;

public sealed class AddressResolverTests : IDisposable
{
    private readonly TempRouterData _data = new();

    public AddressResolverTests()
    {
        Assert.Equal(AdminOutcome.Done, _data.Domains.AddDomain("main.dom"));
        Assert.Equal(AdminOutcome.Done, _data.Domains.AddDomain("Other.Dom"));
        Assert.Equal(AdminOutcome.Done, _data.Accounts.CreateAccount("alice", "main.dom", "secret"));
        Assert.Equal(AdminOutcome.Done, _data.Accounts.CreateAccount("bob", "main.dom", "secret"));
        Assert.Equal(AdminOutcome.Done, _data.Accounts.CreateAccount("alice", "other.dom", "secret2"));
    }

    public void Dispose() => _data.Dispose();

    [Fact]
    public void LocalAccountsInSeveralDomains()
    {
        var resolver = _data.Resolver();

        Assert.Equal(Local("alice", "main.dom"), resolver.Resolve("alice@main.dom"));
        Assert.Equal(Local("alice", "other.dom"), resolver.Resolve("sip:alice@OTHER.dom:5060;transport=tcp"));
        Assert.Equal(Local("bob", "main.dom"), resolver.Resolve("<sip:bob@main.dom>"));
    }

    [Fact]
    public void UnknownUserInALocalDomainIs404()
    {
        var result = Assert.IsType<AddressResolution.Rejection>(_data.Resolver().Resolve("bob@other.dom"));

        Assert.Equal(404, result.StatusCode);
        Assert.Equal("Not Found", result.Reason);
    }

    [Fact]
    public void NonLocalDomainIsRemoteKeepingTheUri()
    {
        var resolver = _data.Resolver();

        Assert.Equal(new AddressResolution.Remote("sip:carol@far.example:5070"), resolver.Resolve("carol@far.example:5070"));
        Assert.Equal(new AddressResolution.Remote("sips:carol@far.example"), resolver.Resolve("sips:carol@far.example"));
    }

    [Fact]
    public void InvalidAddressIs400()
    {
        var result = Assert.IsType<AddressResolution.Rejection>(_data.Resolver().Resolve("not an address"));

        Assert.Equal(400, result.StatusCode);
    }

    [Fact]
    public void ManualGatewayRecordsRewriteDialledNumbers()
    {
        SetTable("""
            Live:<011*> = 011*@sip.provider.dom
            Live:<9*> = 011*@sip.provider.dom
            """);
        var resolver = _data.Resolver();

        Assert.Equal(new AddressResolution.Remote("sip:01133123456@sip.provider.dom"), resolver.Resolve("933123456@main.dom", Call));
        Assert.Equal(new AddressResolution.Remote("sip:01144987@sip.provider.dom"), resolver.Resolve("01144987@other.dom", Call));
        Assert.Equal(new AddressResolution.Remote("sip:01133123456@sip.provider.dom"), resolver.Resolve("933123456@main.dom"));
        // Live: records are for real-time traffic only; a login with that name is not rerouted.
        Assert.Equal(404, Assert.IsType<AddressResolution.Rejection>(resolver.Resolve("933123456@main.dom", RouterTraffic.Access)).StatusCode);
        Assert.Equal(404, Assert.IsType<AddressResolution.Rejection>(resolver.Resolve("933123456@main.dom", RouterTraffic.Signal)).StatusCode);
        // A local-part pattern never matches a remote domain.
        Assert.Equal(new AddressResolution.Remote("sip:933@far.example"), resolver.Resolve("933@far.example", Call));
    }

    [Fact]
    public void RecordsAreTriedInOrderAndTheFirstMatchWins()
    {
        SetTable("""
            <90*> = operator
            <9*> = *@pstn.example
            """);
        var resolver = _data.Resolver(new ResolverOptions { MainDomain = "main.dom" });

        Assert.Equal(404, Assert.IsType<AddressResolution.Rejection>(resolver.Resolve("9012@main.dom")).StatusCode);
        Assert.Equal(new AddressResolution.Remote("sip:123@pstn.example"), resolver.Resolve("9123@main.dom"));
        Assert.Equal(new AddressResolution.Remote("sip:5@pstn.example"), resolver.Resolve("95"));
    }

    [Fact]
    public void DomainAndUserWildcardsCapture()
    {
        SetTable("""
            <*@old.example> = *@other.dom
            <support@*> = bob@main.dom
            <*-fax@main.dom> = *@fax.example
            """);
        var resolver = _data.Resolver();

        Assert.Equal(Local("alice", "other.dom"), resolver.Resolve("alice@old.example"));
        Assert.Equal(Local("bob", "main.dom"), resolver.Resolve("support@anything.example"));
        Assert.Equal(new AddressResolution.Remote("sip:sales@fax.example"), resolver.Resolve("sales-fax@main.dom"));
    }

    [Fact]
    public void ARecordTargetInALocalDomainWithAnotherPortIsThatServerNotTheAccount()
    {
        Assert.Equal(AdminOutcome.Done, _data.Domains.AddDomain("127.0.0.1"));
        SetTable("""
            <9*> = *@127.0.0.1:5070
            <8*> = *@[::1]:5071;transport=tcp
            <7*> = alice@main.dom:5060
            """);
        Assert.Equal(AdminOutcome.Done, _data.Accounts.CreateAccount("123", "127.0.0.1", "secret"));
        var resolver = _data.Resolver();

        // Like Kamailio's myself: host and port; a port we do not listen on is another server, even on our host.
        Assert.Equal(new AddressResolution.Remote("sip:123@127.0.0.1:5070"), resolver.Resolve("9123@main.dom"));
        Assert.Equal(new AddressResolution.Remote("sip:123@[::1]:5071;transport=tcp"), resolver.Resolve("8123@main.dom"));
        Assert.Equal(Local("alice", "main.dom"), resolver.Resolve("7@main.dom")); // 5060 is ours
        Assert.Equal(Local("123", "127.0.0.1"), resolver.Resolve("123@127.0.0.1"));
    }

    [Fact]
    public void ServerPortsAreConfigurable()
    {
        var resolver = _data.Resolver(new ResolverOptions { ServerPorts = [5070] });

        Assert.Equal(Local("alice", "main.dom"), resolver.Resolve("sip:alice@main.dom:5070"));
        Assert.Equal(new AddressResolution.Remote("sip:alice@main.dom:5060"), resolver.Resolve("sip:alice@main.dom:5060"));
    }

    [Fact]
    public void RecordPrefixesSelectTheTrafficTheyApplyTo()
    {
        SetTable("""
            Signal:<sig> = bob
            Mail:<mail> = bob
            Access:<login> = bob
            """);
        var resolver = _data.Resolver();

        Assert.Equal(Local("bob", "main.dom"), resolver.Resolve("sig@main.dom", RouterTraffic.Signal));
        Assert.Equal(Local("bob", "main.dom"), resolver.Resolve("sig@main.dom", Call));
        Assert.Equal(404, Assert.IsType<AddressResolution.Rejection>(resolver.Resolve("sig@main.dom", RouterTraffic.Access)).StatusCode);
        Assert.Equal(404, Assert.IsType<AddressResolution.Rejection>(resolver.Resolve("mail@main.dom", Call)).StatusCode);
        Assert.Equal(Local("bob", "main.dom"), resolver.Resolve("login@main.dom", RouterTraffic.Access));
        Assert.Equal(404, Assert.IsType<AddressResolution.Rejection>(resolver.Resolve("login@main.dom")).StatusCode);
        Assert.Equal(Local("bob", "main.dom"), resolver.Resolve("sig@main.dom"));
    }

    [Fact]
    public void GatewayAndErrorTargets()
    {
        SetTable("""
            <00*> = 00*@gateway:pstn
            <1900*> = error:403 Premium numbers barred
            <busy> = error:480
            <gone> = error:604
            """);
        var resolver = _data.Resolver();

        Assert.Equal(new AddressResolution.Gateway("pstn", "0049301234"), resolver.Resolve("0049301234@main.dom"));
        Assert.Equal(new AddressResolution.Rejection(403, "Premium numbers barred"), resolver.Resolve("1900555@main.dom"));
        Assert.Equal(new AddressResolution.Rejection(480, "Temporarily Unavailable"), resolver.Resolve("busy@other.dom"));
        Assert.Equal(604, Assert.IsType<AddressResolution.Rejection>(resolver.Resolve("gone@main.dom")).StatusCode);
    }

    [Fact]
    public void AliasAndForwarderChainsEndAtAnAccountOrRemote()
    {
        Assert.Equal(AdminOutcome.Done, _data.Routing.AddAlias(new Alias("al", "main.dom", "alice")));
        Assert.Equal(AdminOutcome.Done, _data.Routing.SetForwarder(new Forwarder("sales", "main.dom", "al@main.dom")));
        Assert.Equal(AdminOutcome.Done, _data.Routing.SetForwarder(new Forwarder("front", "other.dom", "sales@main.dom")));
        Assert.Equal(AdminOutcome.Done, _data.Routing.SetForwarder(new Forwarder("away", "other.dom", "sip:alice@far.example;transport=tcp")));
        var resolver = _data.Resolver();

        Assert.Equal(Local("alice", "main.dom"), resolver.Resolve("al@main.dom"));
        Assert.Equal(Local("alice", "main.dom"), resolver.Resolve("front@other.dom"));
        Assert.Equal(new AddressResolution.Remote("sip:alice@far.example;transport=tcp"), resolver.Resolve("away@other.dom"));
    }

    [Fact]
    public void RouterRecordsApplyBeforeAliasesAndToRewrittenAddresses()
    {
        Assert.Equal(AdminOutcome.Done, _data.Routing.AddAlias(new Alias("boss", "main.dom", "bob")));
        Assert.Equal(AdminOutcome.Done, _data.Routing.SetForwarder(new Forwarder("night", "main.dom", "9555@main.dom")));
        SetTable("""
            <boss@main.dom> = alice@other.dom
            <9*> = *@pstn.example
            """);
        var resolver = _data.Resolver();

        Assert.Equal(Local("alice", "other.dom"), resolver.Resolve("boss@main.dom"));
        Assert.Equal(new AddressResolution.Remote("sip:555@pstn.example"), resolver.Resolve("night@main.dom"));
    }

    [Fact]
    public void ForwarderLoopIsRefusedWith482()
    {
        _data.Routing.SetForwarder(new Forwarder("a", "main.dom", "b@other.dom"));
        _data.Routing.SetForwarder(new Forwarder("b", "other.dom", "c@main.dom"));
        _data.Routing.SetForwarder(new Forwarder("c", "main.dom", "a@main.dom"));

        var result = Assert.IsType<AddressResolution.Rejection>(_data.Resolver().Resolve("a@main.dom"));

        Assert.Equal(482, result.StatusCode);
        Assert.Contains("Loop", result.Reason);
    }

    [Fact]
    public void RouterRecordLoopIsRefused()
    {
        SetTable("""
            <ping> = pong
            <pong> = ping
            """);

        Assert.Equal(482, Assert.IsType<AddressResolution.Rejection>(_data.Resolver().Resolve("ping@main.dom")).StatusCode);
    }

    [Fact]
    public void ChainLongerThanTheLimitIsRefusedWith483()
    {
        for (var i = 0; i < 5; i++)
            _data.Routing.SetForwarder(new Forwarder($"hop{i}", "main.dom", $"hop{i + 1}@main.dom"));
        _data.Routing.SetForwarder(new Forwarder("hop5", "main.dom", "alice@main.dom"));

        Assert.Equal(Local("alice", "main.dom"), _data.Resolver(new ResolverOptions { MaxChainLength = 6 }).Resolve("hop0@main.dom"));
        var refused = Assert.IsType<AddressResolution.Rejection>(_data.Resolver(new ResolverOptions { MaxChainLength = 5 }).Resolve("hop0@main.dom"));
        Assert.Equal(483, refused.StatusCode);
    }

    [Fact]
    public void NamesAreUniqueAcrossAccountsAliasesAndForwarders()
    {
        Assert.Equal(AdminOutcome.AlreadyExists, _data.Routing.AddAlias(new Alias("bob", "main.dom", "alice")));
        Assert.Equal(AdminOutcome.NotFound, _data.Routing.AddAlias(new Alias("x", "main.dom", "nobody")));
        Assert.Equal(AdminOutcome.UnknownDomain, _data.Routing.AddAlias(new Alias("x", "far.example", "alice")));
        Assert.Equal(AdminOutcome.AlreadyExists, _data.Routing.SetForwarder(new Forwarder("alice", "main.dom", "bob@main.dom")));
        Assert.Equal(AdminOutcome.Invalid, _data.Routing.SetForwarder(new Forwarder("f", "main.dom", "not valid")));
        Assert.Equal(AdminOutcome.AlreadyExists, _data.Accounts.CreateAccount("alice", "main.dom", "pw"));
    }

    private const RouterTraffic Call = RouterTraffic.RealTime;

    private static AddressResolution.LocalAccount Local(string user, string domain) => new(new SipAddress(user, domain));

    private void SetTable(string text)
    {
        var result = _data.Routing.SetRouterTable(text);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
    }
}
