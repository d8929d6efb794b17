using Microsoft.Extensions.Time.Testing;
using Switchboard.Auth.Digest;
using Switchboard.Auth.Parsing;

namespace Switchboard.Auth.Tests.Digest;

public class DigestClientTests
{
    private const string Realm = "example.com";
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UnixEpoch.AddYears(56));

    [Fact]
    public void Rfc7616_example_from_the_client_side()
    {
        const string challenge = "Digest realm=\"http-auth@example.org\", qop=\"auth, auth-int\", algorithm=SHA-256, " +
            "nonce=\"7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v\", opaque=\"FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS\"";
        var client = new DigestClient("Mufasa", "Circle of Life", () => "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ");

        Assert.True(client.TryCreateAuthorization(challenge, "GET", "/dir/index.html", default, out var value, out var error), error);

        Assert.True(AuthHeaderParser.TryParse(value!, out var header, out _));
        Assert.Equal("753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1", header!.Get("response"));
        Assert.Equal("00000001", header.Get("nc"));
        Assert.Equal("auth", header.Get("qop"));
        Assert.Equal("FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS", header.Get("opaque"));
        Assert.Equal("SHA-256", header.Get("algorithm"));
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, false)]
    [InlineData(0, true)]
    [InlineData(1, true)]
    public async Task Client_answer_passes_server_verification(int challengeIndex, bool authInt)
    {
        var store = new RecordingCredentialStore().Add("bob", Realm, "pa\"ss");
        var server = new DigestAuthenticator(new AuthenticationOptions(), store, _time);
        var client = new DigestClient("bob", "pa\"ss") { PreferAuthInt = authInt };
        var challenge = server.CreateChallenges(Realm)[challengeIndex];
        var body = "hello"u8.ToArray();

        for (var i = 1; i <= 3; i++)
        {
            Assert.True(client.TryCreateAuthorization(challenge, "INVITE", "sip:carol@example.com", body, out var value, out _));
            Assert.Contains($"nc={i:x8}", value);
            Assert.Contains(authInt ? "qop=auth-int" : "qop=auth,", value);
            var verdict = await server.VerifyAsync([value!], "INVITE", "sip:carol@example.com", body, Realm);
            Assert.Equal(AuthVerdict.Ok("bob"), verdict);
        }
    }

    [Fact]
    public void Nc_restarts_for_a_new_nonce()
    {
        var client = new DigestClient("u", "p");
        client.TryCreateAuthorization("Digest realm=\"r\", nonce=\"a\", qop=\"auth\"", "REGISTER", "sip:r", default, out var first, out _);
        client.TryCreateAuthorization("Digest realm=\"r\", nonce=\"a\", qop=\"auth\"", "REGISTER", "sip:r", default, out var second, out _);
        client.TryCreateAuthorization("Digest realm=\"r\", nonce=\"b\", qop=\"auth\"", "REGISTER", "sip:r", default, out var third, out _);

        Assert.Contains("nc=00000001", first);
        Assert.Contains("nc=00000002", second);
        Assert.Contains("nc=00000001", third);
    }

    [Fact]
    public void Answers_rfc2069_challenge_without_qop()
    {
        var client = new DigestClient("u", "p");

        Assert.True(client.TryCreateAuthorization("Digest realm=\"r\", nonce=\"a\"", "REGISTER", "sip:r", default, out var value, out _));
        Assert.DoesNotContain("nc=", value);
        Assert.DoesNotContain("cnonce", value);
    }

    [Theory]
    [InlineData("Basic realm=\"r\"")]
    [InlineData("Digest realm=\"r\"")]
    [InlineData("Digest realm=\"r\", nonce=\"a\", algorithm=SHA-512-256")]
    [InlineData("Digest realm=\"r\", nonce=\"a\", qop=\"auth-conf\"")]
    [InlineData("Digest realm=\"r")]
    public void Refuses_challenges_it_cannot_answer(string challenge)
    {
        Assert.False(new DigestClient("u", "p").TryCreateAuthorization(challenge, "REGISTER", "sip:r", default, out var value, out var error));
        Assert.Null(value);
        Assert.NotEmpty(error);
    }

    [Fact]
    public void Selects_sha256_over_md5()
    {
        var md5 = "Digest realm=\"r\", nonce=\"a\", algorithm=MD5";
        var sha = "Digest realm=\"r\", nonce=\"a\", algorithm=SHA-256";

        Assert.Equal(sha, DigestClient.SelectChallenge([md5, "NTLM realm=\"x\"", sha]));
        Assert.Equal(md5, DigestClient.SelectChallenge(["Basic realm=\"x\"", md5]));
        Assert.Null(DigestClient.SelectChallenge(["Basic realm=\"x\""]));
    }
}
