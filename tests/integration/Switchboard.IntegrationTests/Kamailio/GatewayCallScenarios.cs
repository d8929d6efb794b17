using System.Text;
using Switchboard.IntegrationTests.Infrastructure;

namespace Switchboard.IntegrationTests.Kamailio;

/// <summary>
/// Calls through the trunk with Switchboard registered at Kamailio (the wiring comes from the derived class): alice
/// dials 9… → router record <c>&lt;9*&gt; = +1*@gateway:pstn</c> → Kamailio challenges the INVITE (407) → Switchboard
/// answers with the trunk credentials (the dialog's CSeq now one ahead at the provider) → a SIPp UAS behind Kamailio
/// answers; ACK and BYE pass through Switchboard (it record-routes gateway calls) with the offset. An inbound call
/// from Kamailio to the trunk's registered Contact reaches alice through <c>Gateways:InboundAccounts:pstn=alice</c>.
/// Loopback is trusted (no 407 for alice).
/// </summary>
public abstract class GatewayCallScenarios : IAsyncLifetime
{
    internal static readonly string[] Settings = ["--Gateways:InboundAccounts:pstn=alice", "--Proxy:TrustedNetworks:0=127.0.0.1/32"];

    private readonly IGatewayDeployment _switchboard;
    private SippUas _pstn = null!;
    private KamailioProcess _kamailio = null!;
    private HttpClient _router = null!;
    private HttpClient _gateways = null!;

    private protected GatewayCallScenarios(IGatewayDeployment switchboard)
    {
        _switchboard = switchboard;
    }

    /// <summary>Kamailio's UDP port; null: a free one.</summary>
    private protected virtual int? KamailioPort => null;

    /// <summary>The gateway's <c>domain</c>; null: Kamailio's address and port.</summary>
    private protected virtual string? GatewayDomain => null;

    /// <summary>How the router sends 9… to the trunk.</summary>
    private protected virtual string RouterTable => "<9*> = +1*@gateway:pstn";

    /// <summary>Started after Kamailio, before Switchboard (e.g. the provider's DNS); disposed at the end.</summary>
    private protected virtual Task<IAsyncDisposable?> StartProviderExtrasAsync() => Task.FromResult<IAsyncDisposable?>(null);

    private IAsyncDisposable? _extras;

    public async Task InitializeAsync()
    {
        _pstn = SippUas.Start(FreePorts.Next(), "gateway_pstn_uas.xml");
        _kamailio = await KamailioProcess.StartAsync(_pstn.Port, ["WITH_INVITE_AUTH"], port: KamailioPort);
        _extras = await StartProviderExtrasAsync();
        await _switchboard.InitializeAsync();
        _router = new HttpClient { BaseAddress = new Uri(_switchboard.RouterApi), Timeout = TimeSpan.FromSeconds(30) };
        _gateways = new HttpClient { BaseAddress = new Uri(_switchboard.GatewayApi), Timeout = TimeSpan.FromSeconds(30) };
        using (var table = await _router.PutAsync("/api/router/table", new StringContent(RouterTable, Encoding.UTF8, "text/plain")))
        {
            Assert.True(table.IsSuccessStatusCode, $"router table: {table.StatusCode} {await table.Content.ReadAsStringAsync()}");
        }

        await GatewayTrunk.AddAsync(_gateways, "pstn", _kamailio, _switchboard.SipPort, registerEvery: 300, domain: GatewayDomain);
        await GatewayTrunk.WaitForStateAsync(_gateways, "pstn", "Registered", TimeSpan.FromSeconds(30), Diagnostics);
    }

    public async Task DisposeAsync()
    {
        _router?.Dispose();
        _gateways?.Dispose();
        await _switchboard.DisposeAsync();
        await _kamailio.DisposeAsync();
        await _pstn.DisposeAsync();
        if (_extras is not null)
        {
            await _extras.DisposeAsync();
        }
    }

    [Fact]
    public async Task An_outbound_9_call_is_authenticated_at_the_provider_answered_by_the_pstn_and_hung_up_with_the_cseq_offset()
    {
        using var alice = new SipProbe();
        await alice.SendAsync(OutboundInvite(alice), _switchboard.SipPort);

        string final = await GatewayTrunk.ReceiveFinalAsync(alice, "z9hG4bKout1", 15_000);

        Assert.True(final.StartsWith("SIP/2.0 200", StringComparison.Ordinal), $"{final}\n--- sipp:\n{_pstn.Messages}\n{Diagnostics()}");
        Assert.Contains("CSeq: 1 INVITE", final);
        var requestLine = $"INVITE sip:+15550100@{GatewayDomain ?? $"127.0.0.1:{_kamailio.Port}"}";
        // The caller as the provider knows it: alice at the gateway's domain host (Gateways:CallerIdentity).
        var identity = $"P-Asserted-Identity: <sip:alice@{GatewayDomain ?? "127.0.0.1"}>";
        string invited = await _pstn.WaitForMessagesAsync(TimeSpan.FromSeconds(10), requestLine, identity);
        Assert.True(invited.Contains(requestLine, StringComparison.Ordinal), $"no '{requestLine}' at the PSTN:\n{invited}");
        Assert.True(invited.Contains(identity, StringComparison.Ordinal), $"no '{identity}' at the PSTN:\n{invited}");

        // The route set (RFC 3261 §12.1.2): Switchboard's own Record-Route is first, so ACK and BYE pass through it.
        var routes = GatewayTrunk.Values(final, "Record-Route").Reverse().ToArray();
        Assert.True(routes.Length >= 2 && routes[0].Contains($"127.0.0.1:{_switchboard.SipPort}", StringComparison.Ordinal), $"route set: {string.Join(", ", routes)}");
        var target = GatewayTrunk.Values(final, "Contact").Single().Trim('<', '>');
        var toWithTag = GatewayTrunk.HeaderLines(final).First(l => l.StartsWith("To:", StringComparison.OrdinalIgnoreCase))[3..].Trim();

        await alice.SendAsync(InDialog(alice, "ACK", 1, "z9hG4bKack1", target, routes, toWithTag), _switchboard.SipPort);
        // The ACK carries the authenticated INVITE's CSeq (RFC 3261 §13.2.2.4). The BYE waits for it: over UDP a BYE
        // sent right behind may overtake it (the ACK is relayed statelessly), and SIPp wants them in order.
        string acked = await _pstn.WaitForMessagesAsync(TimeSpan.FromSeconds(10), "CSeq: 2 ACK");
        Assert.True(acked.Contains("CSeq: 2 ACK", StringComparison.Ordinal), $"{acked}\n{Diagnostics()}");
        await alice.SendAsync(InDialog(alice, "BYE", 2, "z9hG4bKbye1", target, routes, toWithTag), _switchboard.SipPort);
        string byeAnswer = await GatewayTrunk.ReceiveFinalAsync(alice, "z9hG4bKbye1", 15_000);

        Assert.True(byeAnswer.StartsWith("SIP/2.0 200", StringComparison.Ordinal), $"{byeAnswer}\n--- sipp:\n{_pstn.Messages}\n{Diagnostics()}");
        Assert.Contains("CSeq: 2 BYE", byeAnswer); // the offset taken off again for alice
        string pstn = await _pstn.WaitForMessagesAsync(TimeSpan.FromSeconds(10), "CSeq: 3 BYE");
        Assert.True(pstn.Contains("CSeq: 3 BYE", StringComparison.Ordinal), pstn); // alice's 2 plus the offset
    }

    [Fact]
    public async Task An_inbound_call_to_the_trunk_contact_rings_the_gateways_inbound_account()
    {
        using var phone = new SipProbe();
        await ProbeRegistration.RegisterAsync(phone, _switchboard.SipPort, "alice", "alicepw");
        using var caller = new SipProbe();

        await caller.SendAsync(GatewayTrunk.InboundInvite(caller, "4930123", "z9hG4bKin1"), _kamailio.Port);

        string? delivered = await GatewayTrunk.ReceiveInviteAsync(phone, 10_000, "z9hG4bKin1@pstn");
        Assert.True(delivered is not null, $"no INVITE at alice's contact\n{Diagnostics()}");
        Assert.StartsWith("INVITE sip:alice@", delivered);
        await phone.SendAsync(GatewayTrunk.Answer(delivered, 486, "Busy Here", "alice486"), _switchboard.SipPort);
        Assert.StartsWith("SIP/2.0 486", await GatewayTrunk.ReceiveFinalAsync(caller, "z9hG4bKin1"));
    }

    private string Diagnostics() => $"--- kamailio:\n{_kamailio.Output}\n--- switchboard:\n{_switchboard.Output}";

    private static byte[] OutboundInvite(SipProbe alice) => Encoding.ASCII.GetBytes(
        $"INVITE sip:95550100@127.0.0.1 SIP/2.0\r\n" +
        $"Via: SIP/2.0/UDP 127.0.0.1:{alice.LocalPort};branch=z9hG4bKout1;rport\r\n" +
        "Max-Forwards: 70\r\n" +
        "From: <sip:alice@127.0.0.1>;tag=alice1\r\n" +
        "To: <sip:95550100@127.0.0.1>\r\n" +
        "Call-ID: out1@127.0.0.1\r\n" +
        "CSeq: 1 INVITE\r\n" +
        $"Contact: <sip:alice@127.0.0.1:{alice.LocalPort}>\r\n" +
        "Content-Length: 0\r\n\r\n");

    private static byte[] InDialog(SipProbe alice, string method, int cseq, string branch, string target, string[] routes, string toWithTag) =>
        Encoding.ASCII.GetBytes(
            $"{method} {target} SIP/2.0\r\n" +
            $"Via: SIP/2.0/UDP 127.0.0.1:{alice.LocalPort};branch={branch};rport\r\n" +
            "Max-Forwards: 70\r\n" +
            string.Concat(routes.Select(r => $"Route: {r}\r\n")) +
            "From: <sip:alice@127.0.0.1>;tag=alice1\r\n" +
            $"To: {toWithTag}\r\n" +
            "Call-ID: out1@127.0.0.1\r\n" +
            $"CSeq: {cseq} {method}\r\n" +
            "Content-Length: 0\r\n\r\n");
}
