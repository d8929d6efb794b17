using Switchboard.Auth.Digest;
using Switchboard.Sip;

namespace Switchboard.Proxy.Tests;

/// <summary>Who may use the proxy: 407 for local callers, 403 for relaying strangers, trusted networks.</summary>
public sealed class SecurityTests
{
    private static ProxyHarness Harness(Action<ProxyOptions>? configure = null)
    {
        var harness = new ProxyHarness(configure);
        harness.Router.AddAccount("bob").AddAccount("alice");
        harness.Registrar.Add("sip:bob@example.com", "sip:bob@203.0.113.20:5070");
        harness.Credentials.Add("alice", "example.com", "secret");
        return harness;
    }

    [Theory]
    [InlineData("INVITE")]
    [InlineData("MESSAGE")]
    [InlineData("SUBSCRIBE")]
    public async Task An_unauthenticated_local_caller_is_challenged_with_407(string method)
    {
        var harness = Harness();

        var (outcome, upstream) = await harness.SendAsync(TestMessages.Invite(from: "sip:alice@example.com", method: method));

        Assert.Equal(ProxyOutcome.Answered, outcome);
        SipMessage challenge = Assert.Single(upstream.Responses);
        Assert.Equal(407, challenge.StatusCode);
        List<string> values = TestMessages.Values(challenge, HeaderKind.ProxyAuthenticate);
        Assert.NotEmpty(values);
        Assert.All(values, v => Assert.Contains("realm=\"example.com\"", v, StringComparison.Ordinal));
        Assert.Empty(harness.Transport.Started);
    }

    [Theory]
    [InlineData("sipp (call tests)", 1)]
    [InlineData("Linphone/5.1", 2)]
    public async Task Clients_that_answer_only_the_first_challenge_get_md5_alone(string userAgent, int challenges)
    {
        var harness = Harness();

        var (_, upstream) = await harness.SendAsync(TestMessages.Invite(from: "sip:alice@example.com", extra: $"User-Agent: {userAgent}\n"));

        List<string> values = TestMessages.Values(Assert.Single(upstream.Responses), HeaderKind.ProxyAuthenticate);
        Assert.Equal(challenges, values.Count);
        Assert.Contains(values, v => v.Contains("algorithm=MD5", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_local_caller_answering_the_challenge_is_forwarded()
    {
        var harness = Harness();
        var (_, first) = await harness.SendAsync(TestMessages.Invite(from: "sip:alice@example.com"));
        string? challenge = DigestClient.SelectChallenge(TestMessages.Values(first.Responses[0], HeaderKind.ProxyAuthenticate));
        Assert.NotNull(challenge);
        Assert.True(new DigestClient("alice", "secret").TryCreateAuthorization(challenge, "INVITE", "sip:bob@example.com", [], out string? authorization, out string error), error);

        var (outcome, upstream) = await harness.SendAsync(TestMessages.Invite(
            from: "sip:alice@example.com", branch: "z9hG4bK-caller-2", extra: $"Proxy-Authorization: {authorization}\n"));

        Assert.Equal(ProxyOutcome.Forwarded, outcome);
        Assert.Empty(upstream.Statuses);
        Assert.Single(harness.Transport.Started);
    }

    [Fact]
    public async Task Credentials_of_another_account_than_the_from_are_refused_with_403()
    {
        var harness = Harness();
        harness.Credentials.Add("bob", "example.com", "bobs");
        var (_, first) = await harness.SendAsync(TestMessages.Invite(from: "sip:alice@example.com"));
        string challenge = DigestClient.SelectChallenge(TestMessages.Values(first.Responses[0], HeaderKind.ProxyAuthenticate))!;
        Assert.True(new DigestClient("bob", "bobs").TryCreateAuthorization(challenge, "INVITE", "sip:bob@example.com", [], out string? authorization, out _));

        var (_, upstream) = await harness.SendAsync(TestMessages.Invite(
            from: "sip:alice@example.com", branch: "z9hG4bK-caller-2", extra: $"Proxy-Authorization: {authorization}\n"));

        Assert.Equal([403], upstream.Statuses);
        Assert.Empty(harness.Transport.Started);
    }

    [Fact]
    public async Task A_wrong_password_is_challenged_again()
    {
        var harness = Harness();
        var (_, first) = await harness.SendAsync(TestMessages.Invite(from: "sip:alice@example.com"));
        string challenge = DigestClient.SelectChallenge(TestMessages.Values(first.Responses[0], HeaderKind.ProxyAuthenticate))!;
        Assert.True(new DigestClient("alice", "wrong").TryCreateAuthorization(challenge, "INVITE", "sip:bob@example.com", [], out string? authorization, out _));

        var (_, upstream) = await harness.SendAsync(TestMessages.Invite(
            from: "sip:alice@example.com", branch: "z9hG4bK-caller-2", extra: $"Proxy-Authorization: {authorization}\n"));

        Assert.Equal([407], upstream.Statuses);
    }

    [Fact]
    public async Task A_stranger_calling_a_foreign_domain_gets_403()
    {
        var harness = Harness();

        var (outcome, upstream) = await harness.SendAsync(TestMessages.Invite("sip:dave@elsewhere.example.org"));

        Assert.Equal(ProxyOutcome.Answered, outcome);
        Assert.Equal([403], upstream.Statuses);
        Assert.Empty(harness.Transport.Started);
    }

    [Fact]
    public async Task A_stranger_calling_a_local_user_is_forwarded_without_a_challenge()
    {
        var harness = Harness();

        var (outcome, _) = await harness.SendAsync(TestMessages.Invite());

        Assert.Equal(ProxyOutcome.Forwarded, outcome);
        Assert.Single(harness.Transport.Started);
    }

    [Fact]
    public async Task A_route_to_a_foreign_host_from_an_unauthenticated_stranger_gets_403()
    {
        var harness = Harness();

        var (_, upstream) = await harness.SendAsync(TestMessages.Invite(extra: "Route: <sip:203.0.113.66;lr>\n"));

        Assert.Equal([403], upstream.Statuses);
        Assert.Empty(harness.Transport.Started);
    }

    [Fact]
    public async Task A_strict_route_trick_cannot_relay_either()
    {
        var harness = Harness();

        // Our own Record-Route URI as Request-URI makes the last Route the real target: still foreign, still refused.
        var (_, upstream) = await harness.SendAsync(TestMessages.Invite("sip:192.0.2.1;lr", extra: "Route: <sip:dave@203.0.113.66>\n"));

        Assert.Equal([403], upstream.Statuses);
    }

    [Fact]
    public async Task A_trusted_network_is_neither_challenged_nor_refused()
    {
        var harness = Harness(o => o.TrustedNetworks = ["198.51.100.0/24"]);

        var (outcome, _) = await harness.SendAsync(TestMessages.Invite("sip:dave@203.0.113.66", from: "sip:alice@example.com"));

        Assert.Equal(ProxyOutcome.Forwarded, outcome);
    }

    [Fact]
    public async Task Local_callers_can_be_left_unchallenged_for_local_destinations()
    {
        var harness = Harness(o => o.ChallengeLocalCallers = false);

        var (local, _) = await harness.SendAsync(TestMessages.Invite(from: "sip:alice@example.com"));
        var (foreign, upstream) = await harness.SendAsync(TestMessages.Invite("sip:dave@203.0.113.66", from: "sip:alice@example.com", branch: "z9hG4bK-2"));

        Assert.Equal(ProxyOutcome.Forwarded, local);
        Assert.Equal(ProxyOutcome.Answered, foreign);
        Assert.Equal([407], upstream.Statuses);
    }

    [Fact]
    public void A_bad_trusted_range_fails_at_start()
    {
        var harness = new ProxyHarness(o => o.TrustedNetworks = ["10.0.0.0/99"]);

        Assert.Throws<FormatException>(() => harness.Proxy);
    }
}
