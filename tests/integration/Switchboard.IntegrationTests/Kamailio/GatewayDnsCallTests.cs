using Switchboard.IntegrationTests.Infrastructure;

namespace Switchboard.IntegrationTests.Kamailio;

/// <summary>
/// The trunk call scenarios with the provider found by DNS, as the manual writes it: the gateway's domain is the bare
/// name <c>provider.test</c> and the router record is the literal <c>&lt;9*&gt; = +1*@provider.test</c>. Only the
/// provider's DNS (dnsmasq, <c>Locating:NameServers</c>) knows where it is: an SRV record for
/// <c>_sip._udp.provider.test</c> naming Kamailio's port, no NAPTR (RFC 3263 §4.1 then tries SRV). Registration,
/// the outbound call with the provider's 407 and the inbound call (trusted because the name locates to its source)
/// all depend on that lookup.
/// </summary>
public sealed class GatewayDnsCallTests : GatewayCallScenarios
{
    private readonly int _dnsPort;
    private readonly int _providerPort;

    public GatewayDnsCallTests()
        : this(FreePorts.Next(), FreePorts.Next())
    {
    }

    private GatewayDnsCallTests(int dnsPort, int providerPort)
        : base(new GatewayHostDeployment([.. Settings, $"--Locating:NameServers:0=127.0.0.1:{dnsPort}"]))
    {
        _dnsPort = dnsPort;
        _providerPort = providerPort;
    }

    private protected override int? KamailioPort => _providerPort;

    private protected override string? GatewayDomain => KamailioProcess.Realm;

    private protected override string RouterTable => $"<9*> = +1*@{KamailioProcess.Realm}";

    private protected override async Task<IAsyncDisposable?> StartProviderExtrasAsync() =>
        await DnsmasqProcess.StartAsync(_dnsPort, _providerPort);
}
