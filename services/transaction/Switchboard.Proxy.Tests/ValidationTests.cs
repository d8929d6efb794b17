using Switchboard.Sip;

namespace Switchboard.Proxy.Tests;

/// <summary>RFC 3261 §16.3: requests the proxy must answer itself instead of forwarding.</summary>
public sealed class ValidationTests
{
    [Fact]
    public async Task Rfc4475_3_1_2_12_zeromf_is_answered_483_and_not_forwarded()
    {
        var harness = new ProxyHarness();
        string zeromf = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "rfc4475", "zeromf.dat"));

        var (outcome, upstream) = await harness.SendAsync(zeromf);

        Assert.Equal(ProxyOutcome.Answered, outcome);
        Assert.Equal([483], upstream.Statuses);
        Assert.Empty(harness.Transport.Started);
        Assert.Equal(1, harness.Metrics.Rejected(483));
    }

    [Fact]
    public async Task Rfc4475_3_3_6_bext01_is_answered_420_listing_the_unsupported_proxy_require_tags()
    {
        var harness = new ProxyHarness();
        string bext01 = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "rfc4475", "bext01.dat"));

        var (_, upstream) = await harness.SendAsync(bext01);

        SipMessage response = Assert.Single(upstream.Responses);
        Assert.Equal(420, response.StatusCode);
        Assert.Equal(["noProxiesSupportThis", "norDoAnyProxiesSupportThis"], TestMessages.Values(response, HeaderKind.Unsupported));
        Assert.Empty(harness.Transport.Started);
    }

    [Fact]
    public async Task A_supported_proxy_require_tag_is_forwarded()
    {
        var harness = new ProxyHarness(o => o.TrustedNetworks = ["198.51.100.0/24"]);

        var (outcome, _) = await harness.SendAsync(TestMessages.Invite("sip:dave@203.0.113.9", extra: "Proxy-Require: path\n"));

        Assert.Equal(ProxyOutcome.Forwarded, outcome);
        Assert.Single(harness.Transport.Started);
    }

    [Fact]
    public async Task A_request_that_comes_back_unchanged_is_a_loop_answered_482()
    {
        var harness = new ProxyHarness(o => o.TrustedNetworks = ["198.51.100.0/24", "203.0.113.0/24"]);
        await harness.SendAsync(TestMessages.Invite("sip:dave@203.0.113.9"));
        string forwarded = harness.Transport.Started[0].Text;

        // The next hop routes it straight back to us.
        var (outcome, upstream) = await harness.SendAsync(forwarded, ProxyHarness.Udp("203.0.113.9", 5060));

        Assert.Equal(ProxyOutcome.Answered, outcome);
        Assert.Equal([482], upstream.Statuses);
        Assert.Single(harness.Transport.Started);
    }

    [Fact]
    public async Task A_spiral_with_a_new_request_uri_is_not_a_loop()
    {
        var harness = new ProxyHarness(o => o.TrustedNetworks = ["198.51.100.0/24", "203.0.113.0/24"]);
        harness.Router.AddAccount("bob");
        harness.Registrar.Add("sip:bob@example.com", "sip:bob@203.0.113.20:5070");
        await harness.SendAsync(TestMessages.Invite("sip:bob@example.com"));
        string forwarded = harness.Transport.Started[0].Text;
        Assert.StartsWith("INVITE sip:bob@203.0.113.20:5070 SIP/2.0", forwarded, StringComparison.Ordinal);

        var (outcome, upstream) = await harness.SendAsync(forwarded, ProxyHarness.Udp("203.0.113.9", 5060));

        Assert.Equal(ProxyOutcome.Forwarded, outcome);
        Assert.Empty(upstream.Statuses);
        Assert.Equal(2, harness.Transport.Started.Count);
    }

    [Fact]
    public async Task Max_forwards_is_decremented_when_forwarding()
    {
        var harness = new ProxyHarness(o => o.TrustedNetworks = ["198.51.100.0/24"]);

        await harness.SendAsync(TestMessages.Invite("sip:dave@203.0.113.9", maxForwards: 1));

        SipMessage sent = harness.Transport.Started[0].Message;
        Assert.True(sent.TryGetMaxForwards(out int maxForwards));
        Assert.Equal(0, maxForwards);
    }
}
