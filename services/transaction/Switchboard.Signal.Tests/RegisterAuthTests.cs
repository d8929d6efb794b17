using Switchboard.Auth.Digest;
using Switchboard.Signal.Tests.Messages;

namespace Switchboard.Signal.Tests;

/// <summary>REGISTER with Digest: challenges, MD5 and SHA-256 answers computed by the client side of Switchboard.Auth.</summary>
public sealed class RegisterAuthTests
{
    private const string Aor = "sip:alice@example.com";

    [Fact]
    public void Register_without_credentials_gets_401_offering_sha256_then_md5()
    {
        using var h = new SignalHarness();

        h.Receive(SipText.Register());

        var sent = h.TakeSingle();
        Assert.Equal(401, sent.StatusCode);
        var challenges = sent.Headers("WWW-Authenticate");
        Assert.Equal(2, challenges.Count);
        Assert.Contains("algorithm=SHA-256", challenges[0]);
        Assert.Contains("algorithm=MD5", challenges[1]);
        Assert.All(challenges, c => Assert.Contains("realm=\"example.com\"", c));
        Assert.Empty(h.Store.Lookup(Aor));
        Assert.Equal(1, h.Metrics.Challenges);
    }

    [Fact]
    public void A_client_listed_as_md5_only_gets_only_the_md5_challenge()
    {
        using var h = new SignalHarness();

        h.Receive(SipText.Register(extra: "User-Agent: baresip v1.0.0 (x86_64/linux)"));

        var challenge = Assert.Single(h.TakeSingle().Headers("WWW-Authenticate"));
        Assert.Contains("algorithm=MD5", challenge);
    }

    [Theory]
    [InlineData("MD5")]
    [InlineData("SHA-256")]
    public void Correct_digest_registers_and_lists_the_contact(string algorithm)
    {
        using var h = new SignalHarness();
        var client = new DigestClient("alice", "wonderland");

        string authorization = Answer(h, client, algorithm, cseq: 1);
        h.Receive(SipText.Register(cseq: 2, extra: "Authorization: " + authorization));

        var sent = h.TakeSingle();
        Assert.Equal(200, sent.StatusCode);
        Assert.Equal(["<sip:alice@192.0.2.10:5070>;expires=3600"], sent.Headers("Contact"));
        Assert.Single(sent.Headers("Date"));
        Assert.Equal("sip:alice@192.0.2.10:5070", Assert.Single(h.Store.Lookup(Aor)).ContactUri);
    }

    [Fact]
    public void Wrong_password_gets_a_new_401_challenge_and_counts_a_failure()
    {
        using var h = new SignalHarness();

        // RFC 3261 §22.4 lets the client retry after a 401: wrong credentials are answered with a fresh challenge, not 403.
        string authorization = Answer(h, new DigestClient("alice", "not-the-password"), "SHA-256", cseq: 1);
        h.Receive(SipText.Register(cseq: 2, extra: "Authorization: " + authorization));

        var sent = h.TakeSingle();
        Assert.Equal(401, sent.StatusCode);
        Assert.Equal(2, sent.Headers("WWW-Authenticate").Count);
        Assert.Equal(1, h.Metrics.AuthFailures);
        Assert.Empty(h.Store.Lookup(Aor));
    }

    [Fact]
    public void Replayed_nonce_count_is_refused()
    {
        using var h = new SignalHarness();
        string authorization = Answer(h, new DigestClient("alice", "wonderland"), "SHA-256", cseq: 1);
        h.Receive(SipText.Register(cseq: 2, extra: "Authorization: " + authorization));
        Assert.Equal(200, h.TakeSingle().StatusCode);

        h.Receive(SipText.Register(cseq: 3, contact: "<sip:mallory@203.0.113.66>", extra: "Authorization: " + authorization));

        Assert.Equal(401, h.TakeSingle().StatusCode);
        Assert.DoesNotContain(h.Store.Lookup(Aor), b => b.ContactUri.Contains("mallory"));
    }

    [Fact]
    public void Expired_nonce_gets_401_with_stale_true()
    {
        using var h = new SignalHarness();
        var client = new DigestClient("alice", "wonderland");
        h.Receive(SipText.Register(cseq: 1));
        string challenge = DigestClient.SelectChallenge(h.TakeSingle().Headers("WWW-Authenticate"))!;

        h.Time.Advance(TimeSpan.FromMinutes(6));
        Assert.True(client.TryCreateAuthorization(challenge, "REGISTER", "sip:example.com", [], out string? authorization, out _));
        h.Receive(SipText.Register(cseq: 2, extra: "Authorization: " + authorization));

        var sent = h.TakeSingle();
        Assert.Equal(401, sent.StatusCode);
        Assert.All(sent.Headers("WWW-Authenticate"), c => Assert.Contains("stale=true", c, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Credentials_of_another_account_get_403()
    {
        using var h = new SignalHarness();
        h.Receive(SipText.Register(cseq: 1));
        string challenge = DigestClient.SelectChallenge(h.TakeSingle().Headers("WWW-Authenticate"))!;
        Assert.True(new DigestClient("bob", "builder").TryCreateAuthorization(challenge, "REGISTER", "sip:example.com", [], out var authorization, out _));

        h.Receive(SipText.Register(cseq: 2, extra: "Authorization: " + authorization));

        Assert.Equal(403, h.TakeSingle().StatusCode);
        Assert.Empty(h.Store.Lookup(Aor));
    }

    [Fact]
    public void Brute_force_limiter_refuses_after_the_threshold()
    {
        using var h = new SignalHarness(limiter: l => { l.RefuseThreshold = 2; l.DelayThreshold = 10; });
        var wrong = new DigestClient("alice", "guess");
        for (int i = 0; i < 2; i++)
        {
            string authorization = Answer(h, wrong, "MD5", cseq: 10 + 2 * i);
            h.Receive(SipText.Register(cseq: 11 + 2 * i, extra: "Authorization: " + authorization));
            Assert.Equal(401, h.TakeSingle().StatusCode);
        }

        // Blocked: not even challenged any more, so the right password cannot be tried either.
        h.Receive(SipText.Register(cseq: 20));

        Assert.Equal(403, h.TakeSingle().StatusCode);
        Assert.Equal(1, h.Limiter.RequestsRefused);
    }

    [Fact]
    public void Too_brief_expiry_gets_423_with_min_expires()
    {
        using var h = new SignalHarness(registrar: r => r.MinimalRegistration = TimeSpan.FromSeconds(60));
        string authorization = Answer(h, new DigestClient("alice", "wonderland"), "SHA-256", cseq: 1);

        h.Receive(SipText.Register(cseq: 2, contact: "<sip:alice@192.0.2.10:5070>;expires=30", extra: "Authorization: " + authorization));

        var sent = h.TakeSingle();
        Assert.Equal(423, sent.StatusCode);
        Assert.Equal(["60"], sent.Headers("Min-Expires"));
    }

    [Fact]
    public void Register_for_a_domain_we_do_not_serve_gets_403_without_a_challenge()
    {
        using var h = new SignalHarness();

        h.Receive(SipText.Register(domain: "elsewhere.example.org"));

        var sent = h.TakeSingle();
        Assert.Equal(403, sent.StatusCode);
        Assert.Empty(sent.Headers("WWW-Authenticate"));
    }

    [Fact]
    public void Advertise_digest_off_sends_no_digest_challenge()
    {
        using var h = new SignalHarness(o => o.AdvertiseDigest = false);

        h.Receive(SipText.Register());

        var sent = h.TakeSingle();
        Assert.Equal(401, sent.StatusCode);
        Assert.DoesNotContain(sent.Headers("WWW-Authenticate"), c => c.StartsWith("Digest", StringComparison.Ordinal));
    }

    /// <summary>Sends an unauthenticated REGISTER, takes the 401 and answers the <paramref name="algorithm"/> challenge.</summary>
    private static string Answer(SignalHarness h, DigestClient client, string algorithm, int cseq)
    {
        h.Receive(SipText.Register(cseq: cseq));
        var challenge = h.TakeSingle();
        Assert.Equal(401, challenge.StatusCode);
        string value = challenge.Headers("WWW-Authenticate").Single(c => c.Contains("algorithm=" + algorithm + ",") || c.EndsWith("algorithm=" + algorithm, StringComparison.Ordinal) || c.Contains("algorithm=" + algorithm + " "));
        Assert.True(client.TryCreateAuthorization(value, "REGISTER", "sip:example.com", [], out string? authorization, out string error), error);
        return authorization;
    }
}
