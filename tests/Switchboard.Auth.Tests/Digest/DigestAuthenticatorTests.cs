using System.Text;
using Microsoft.Extensions.Time.Testing;
using Switchboard.Auth.Digest;
using Switchboard.Auth.Parsing;

namespace Switchboard.Auth.Tests.Digest;

public class DigestAuthenticatorTests
{
    private const string Realm = "example.com";
    private const string Uri = "sip:example.com";
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 26, 10, 0, 0, TimeSpan.Zero));
    private readonly RecordingCredentialStore _store = new RecordingCredentialStore().Add("alice", Realm, "secret");

    private DigestAuthenticator Create(Action<AuthenticationOptions>? configure = null)
    {
        var options = new AuthenticationOptions { NonceSecret = Encoding.ASCII.GetBytes("0123456789abcdef0123456789abcdef") };
        configure?.Invoke(options);
        return new DigestAuthenticator(options, _store, _time);
    }

    private static string NonceOf(string challenge)
    {
        Assert.True(AuthHeaderParser.TryParse(challenge, out var header, out _));
        return header!.Get("nonce")!;
    }

    /// <summary>Builds an Authorization value by hand from the RFC formulas, not through DigestClient.</summary>
    private static string Answer(
        string nonce, string password = "secret", uint nc = 1, DigestAlgorithm algorithm = DigestAlgorithm.Sha256,
        string? qop = "auth", string method = "REGISTER", string uri = Uri, byte[]? body = null, string? opaque = null)
    {
        var ha1 = DigestHa1.Compute(algorithm, "alice", Realm, password);
        var ncText = qop is null ? null : nc.ToString("x8");
        var cnonce = qop is null ? null : "0a4f113b";
        var response = DigestResponse.Compute(algorithm, ha1, nonce, ncText, cnonce, qop, method, uri, body);
        var value = $"Digest username=\"alice\", realm=\"{Realm}\", nonce=\"{nonce}\", uri=\"{uri}\", response=\"{response}\", algorithm={algorithm.ToWire()}";
        if (qop is not null)
        {
            value += $", qop={qop}, nc={ncText}, cnonce=\"{cnonce}\"";
        }

        return opaque is null ? value : value + $", opaque=\"{opaque}\"";
    }

    private static ValueTask<AuthVerdict> Verify(DigestAuthenticator auth, string value, string method = "REGISTER", byte[]? body = null) =>
        auth.VerifyAsync([value], method, Uri, body ?? [], Realm);

    [Fact]
    public void Challenges_offer_sha256_then_md5_with_same_nonce()
    {
        var challenges = Create().CreateChallenges(Realm);

        Assert.Equal(2, challenges.Count);
        Assert.StartsWith("Digest realm=\"example.com\", nonce=\"", challenges[0]);
        Assert.Contains("algorithm=SHA-256", challenges[0]);
        Assert.Contains("algorithm=MD5", challenges[1]);
        Assert.Contains("qop=\"auth,auth-int\"", challenges[0]);
        Assert.Contains("opaque=\"", challenges[0]);
        Assert.DoesNotContain("stale", challenges[0]);
        Assert.Equal(NonceOf(challenges[0]), NonceOf(challenges[1]));
        Assert.Contains("stale=TRUE", Create().CreateChallenges(Realm, stale: true)[1]);
    }

    [Fact]
    public void Realm_with_quotes_and_backslashes_round_trips_and_long_realms_work()
    {
        const string odd = "we\\ird \"realm\"";
        var longRealm = new string('x', 3000);
        var auth = Create();

        Assert.True(AuthHeaderParser.TryParse(auth.CreateChallenges(odd)[0], out var header, out _));
        Assert.Equal(odd, header!.Get("realm"));
        Assert.Equal(NonceStatus.Valid, auth.Nonces.Check(header.Get("nonce")!, odd, out _));
        Assert.Equal(NonceStatus.Valid, auth.Nonces.Check(auth.Nonces.Create(longRealm), longRealm, out _));
    }

    [Fact]
    public void No_digest_challenges_when_not_advertised()
    {
        Assert.Empty(Create(o => o.AdvertiseDigest = false).CreateChallenges(Realm));
    }

    [Theory]
    [InlineData(DigestAlgorithm.Sha256)]
    [InlineData(DigestAlgorithm.Md5)]
    public async Task Correct_answer_is_ok(DigestAlgorithm algorithm)
    {
        var auth = Create();
        var nonce = NonceOf(auth.CreateChallenges(Realm)[0]);

        var verdict = await Verify(auth, Answer(nonce, algorithm: algorithm, opaque: auth.Nonces.Opaque));

        Assert.Equal(AuthVerdict.Ok("alice"), verdict);
        Assert.Equal(("alice", Realm, algorithm), _store.Lookups.Single());
    }

    [Fact]
    public async Task Wrong_password_is_unauthorized()
    {
        var auth = Create();
        var nonce = NonceOf(auth.CreateChallenges(Realm)[0]);

        var verdict = await Verify(auth, Answer(nonce, password: "guess"));

        Assert.Equal(AuthVerdictKind.Unauthorized, verdict.Kind);
        Assert.Equal("wrong response", verdict.Reason);
    }

    [Fact]
    public async Task Unknown_user_is_unauthorized()
    {
        var auth = Create();
        var nonce = NonceOf(auth.CreateChallenges(Realm)[0]);

        var verdict = await Verify(auth, Answer(nonce).Replace("\"alice\"", "\"mallory\""));

        Assert.Equal(AuthVerdictKind.Unauthorized, verdict.Kind);
    }

    [Fact]
    public async Task Auth_int_verifies_the_body_hash()
    {
        var auth = Create();
        var nonce = NonceOf(auth.CreateChallenges(Realm)[0]);
        var body = "v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\n"u8.ToArray();

        var ok = await auth.VerifyAsync([Answer(nonce, qop: "auth-int", method: "INVITE", body: body)], "INVITE", Uri, body, Realm);
        var tampered = await auth.VerifyAsync([Answer(nonce, nc: 2, qop: "auth-int", method: "INVITE", body: body)], "INVITE", Uri, "v=1\r\n"u8.ToArray(), Realm);

        Assert.True(ok.IsOk);
        Assert.Equal(AuthVerdictKind.Unauthorized, tampered.Kind);
    }

    [Fact]
    public async Task Nonce_past_its_lifetime_is_stale()
    {
        var auth = Create(o => o.NonceLifetime = TimeSpan.FromMinutes(5));
        var nonce = NonceOf(auth.CreateChallenges(Realm)[0]);

        _time.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1));
        var verdict = await Verify(auth, Answer(nonce));

        Assert.Equal(AuthVerdictKind.Stale, verdict.Kind);
    }

    [Fact]
    public async Task Nonce_within_its_lifetime_is_not_stale()
    {
        var auth = Create(o => o.NonceLifetime = TimeSpan.FromMinutes(5));
        var nonce = NonceOf(auth.CreateChallenges(Realm)[0]);

        _time.Advance(TimeSpan.FromMinutes(4));

        Assert.True((await Verify(auth, Answer(nonce))).IsOk);
    }

    [Fact]
    public async Task Stale_nonce_with_wrong_password_is_unauthorized_not_stale()
    {
        var auth = Create();
        var nonce = NonceOf(auth.CreateChallenges(Realm)[0]);

        _time.Advance(TimeSpan.FromHours(1));

        Assert.Equal(AuthVerdictKind.Unauthorized, (await Verify(auth, Answer(nonce, password: "x"))).Kind);
    }

    [Fact]
    public async Task Forged_nonce_fails_the_hmac()
    {
        var auth = Create();
        var nonce = NonceOf(auth.CreateChallenges(Realm)[0]);
        var bytes = System.Buffers.Text.Base64Url.DecodeFromChars(nonce);
        bytes[10] ^= 0x01; // change the random part, keep the old MAC
        var forged = System.Buffers.Text.Base64Url.EncodeToString(bytes);

        var verdict = await Verify(auth, Answer(forged));

        Assert.Equal(AuthVerdictKind.Unauthorized, verdict.Kind);
        Assert.Equal("nonce not issued by this server", verdict.Reason);
    }

    [Fact]
    public async Task Nonce_from_another_secret_or_realm_is_refused()
    {
        var other = new DigestAuthenticator(new AuthenticationOptions { NonceSecret = [1, 2, 3] }, _store, _time);
        var foreignNonce = NonceOf(other.CreateChallenges(Realm)[0]);
        var auth = Create();
        var otherRealmNonce = auth.Nonces.Create("other.example");

        Assert.Equal(AuthVerdictKind.Unauthorized, (await Verify(auth, Answer(foreignNonce))).Kind);
        Assert.Equal(AuthVerdictKind.Unauthorized, (await Verify(auth, Answer(otherRealmNonce))).Kind);
    }

    [Fact]
    public async Task Replayed_nc_is_refused_and_increasing_nc_accepted()
    {
        var auth = Create();
        var nonce = NonceOf(auth.CreateChallenges(Realm)[0]);

        Assert.True((await Verify(auth, Answer(nonce, nc: 1))).IsOk);
        var replay = await Verify(auth, Answer(nonce, nc: 1));
        Assert.True((await Verify(auth, Answer(nonce, nc: 2))).IsOk);
        Assert.True((await Verify(auth, Answer(nonce, nc: 7))).IsOk);
        var lower = await Verify(auth, Answer(nonce, nc: 5));

        Assert.Equal(AuthVerdictKind.Unauthorized, replay.Kind);
        Assert.Equal("nonce count replayed", replay.Reason);
        Assert.Equal(AuthVerdictKind.Unauthorized, lower.Kind);
    }

    [Fact]
    public async Task Wrong_answer_does_not_burn_the_nonce_count()
    {
        var auth = Create();
        var nonce = NonceOf(auth.CreateChallenges(Realm)[0]);

        Assert.Equal(AuthVerdictKind.Unauthorized, (await Verify(auth, Answer(nonce, password: "x", nc: 1))).Kind);
        Assert.True((await Verify(auth, Answer(nonce, nc: 1))).IsOk);
    }

    [Fact]
    public async Task Evicted_nonce_becomes_stale_and_cannot_be_replayed()
    {
        var auth = Create(o => o.NonceTableCapacity = 2);
        var first = NonceOf(auth.CreateChallenges(Realm)[0]);
        Assert.True((await Verify(auth, Answer(first))).IsOk);
        for (var i = 0; i < 2; i++)
        {
            _time.Advance(TimeSpan.FromMilliseconds(10));
            var nonce = NonceOf(auth.CreateChallenges(Realm)[0]);
            Assert.True((await Verify(auth, Answer(nonce))).IsOk);
        }

        var replay = await Verify(auth, Answer(first, nc: 1));

        Assert.Equal(2, auth.NonceCounts.Count);
        Assert.Equal(1, auth.NonceCounts.Evictions);
        Assert.Equal(AuthVerdictKind.Stale, replay.Kind);
    }

    [Fact]
    public async Task Rfc2069_digest_is_refused_by_default()
    {
        var auth = Create();
        var nonce = NonceOf(auth.CreateChallenges(Realm)[1]);

        var verdict = await Verify(auth, Answer(nonce, qop: null, algorithm: DigestAlgorithm.Md5));

        Assert.Equal(AuthVerdictKind.Unauthorized, verdict.Kind);
    }

    [Fact]
    public async Task Rfc2069_digest_when_allowed_serves_once()
    {
        var auth = Create(o => o.AllowRfc2069 = true);
        var nonce = NonceOf(auth.CreateChallenges(Realm)[1]);
        var value = Answer(nonce, qop: null, algorithm: DigestAlgorithm.Md5);

        Assert.True((await Verify(auth, value)).IsOk);
        Assert.Equal(AuthVerdictKind.Unauthorized, (await Verify(auth, value)).Kind);
    }

    [Fact]
    public async Task Rfc2069_digest_reusable_when_single_use_is_off()
    {
        var auth = Create(o => { o.AllowRfc2069 = true; o.Rfc2069SingleUse = false; });
        var nonce = NonceOf(auth.CreateChallenges(Realm)[1]);
        var value = Answer(nonce, qop: null, algorithm: DigestAlgorithm.Md5);

        Assert.True((await Verify(auth, value)).IsOk);
        Assert.True((await Verify(auth, value)).IsOk);
    }

    [Fact]
    public async Task Credentials_for_another_realm_are_no_credentials()
    {
        var auth = Create();
        var nonce = NonceOf(auth.CreateChallenges(Realm)[0]);

        var verdict = await auth.VerifyAsync([Answer(nonce)], "REGISTER", Uri, Array.Empty<byte>(), "other.example");

        Assert.Equal(AuthVerdictKind.NoCredentials, verdict.Kind);
        Assert.Equal(AuthVerdictKind.NoCredentials, (await auth.VerifyAsync([], "REGISTER", Uri, Array.Empty<byte>(), Realm)).Kind);
    }

    [Theory]
    [InlineData("sip:other.example.com", "REGISTER")]
    [InlineData(Uri, "INVITE")]
    public async Task Uri_or_method_mismatch_is_unauthorized(string requestUri, string method)
    {
        var auth = Create();
        var nonce = NonceOf(auth.CreateChallenges(Realm)[0]);

        var verdict = await auth.VerifyAsync([Answer(nonce)], method, requestUri, Array.Empty<byte>(), Realm);

        Assert.Equal(AuthVerdictKind.Unauthorized, verdict.Kind);
    }

    [Fact]
    public async Task Wrong_opaque_and_unoffered_algorithm_are_refused()
    {
        var auth = Create(o => o.DigestAlgorithms = [DigestAlgorithm.Sha256]);
        var nonce = NonceOf(auth.CreateChallenges(Realm)[0]);

        Assert.Equal(AuthVerdictKind.Unauthorized, (await Verify(auth, Answer(nonce, opaque: "nope"))).Kind);
        Assert.Equal(AuthVerdictKind.Unauthorized, (await Verify(auth, Answer(nonce, algorithm: DigestAlgorithm.Md5))).Kind);
    }

    [Theory]
    [InlineData("Digest username=\"alice\", realm=\"example.com\", uri=\"sip:example.com\", response=\"00\"")]
    [InlineData("Digest username=\"alice\", realm=\"example.com\", nonce=\"n\", uri=\"sip:example.com\", response=\"00\", qop=auth")]
    [InlineData("Digest username=\"alice\", realm=\"example.com\", nonce=\"n\", uri=\"sip:example.com\", response=\"00\", qop=auth, nc=1, cnonce=\"c\"")]
    [InlineData("Digest username=\"alice\", realm=\"example.com\", nonce=\"n\", uri=\"sip:example.com\", response=\"00\", algorithm=SHA-512")]
    public async Task Malformed_credentials_are_unauthorized(string value)
    {
        Assert.Equal(AuthVerdictKind.Unauthorized, (await Verify(Create(), value)).Kind);
    }

    [Fact]
    public async Task Sha256_sess_is_accepted_when_configured()
    {
        var auth = Create(o => o.DigestAlgorithms = [DigestAlgorithm.Sha256Sess]);
        var challenge = auth.CreateChallenges(Realm)[0];
        Assert.Contains("algorithm=SHA-256-sess", challenge);
        var client = new DigestClient("alice", "secret");
        Assert.True(client.TryCreateAuthorization(challenge, "REGISTER", Uri, default, out var value, out _));

        Assert.True((await Verify(auth, value!)).IsOk);
        Assert.Equal(DigestAlgorithm.Sha256, _store.Lookups.Single().Algorithm);
    }
}
