using System.Text;
using Switchboard.Auth.Basic;
using Switchboard.Auth.Parsing;

namespace Switchboard.Auth.Tests.Basic;

public class BasicAuthenticatorTests
{
    private const string Realm = "example.com";
    private readonly RecordingCredentialStore _store = new RecordingCredentialStore().Add("alice", Realm, "open: sésame");

    private static AuthHeader Header(string user, string password)
    {
        var value = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}"));
        Assert.True(AuthHeaderParser.TryParse(value, out var header, out _));
        return header!;
    }

    private BasicAuthenticator Create(bool allow = true, bool requireTls = true) =>
        new(new AuthenticationOptions { AllowBasic = allow, BasicRequiresTls = requireTls }, _store);

    [Fact]
    public async Task Right_password_over_tls_is_ok()
    {
        var verdict = await Create().VerifyAsync(Header("alice", "open: sésame"), Realm, transportIsSecure: true);

        Assert.Equal(AuthVerdict.Ok("alice"), verdict);
    }

    [Fact]
    public async Task Refused_without_tls_unless_configured()
    {
        var refused = await Create().VerifyAsync(Header("alice", "open: sésame"), Realm, transportIsSecure: false);
        Assert.Equal(AuthVerdictKind.Unauthorized, refused.Kind);
        Assert.Empty(_store.Lookups);

        var allowed = await Create(requireTls: false).VerifyAsync(Header("alice", "open: sésame"), Realm, transportIsSecure: false);
        Assert.True(allowed.IsOk);
        Assert.Null(Create().CreateChallenge(Realm, transportIsSecure: false));
        Assert.Equal("Basic realm=\"example.com\"", Create().CreateChallenge(Realm, transportIsSecure: true));
    }

    [Fact]
    public async Task Disabled_by_default()
    {
        var auth = new BasicAuthenticator(new AuthenticationOptions(), _store);

        var verdict = await auth.VerifyAsync(Header("alice", "open: sésame"), Realm, transportIsSecure: true);

        Assert.Equal(AuthVerdictKind.Unauthorized, verdict.Kind);
        Assert.Empty(_store.Lookups);
        Assert.Null(auth.CreateChallenge(Realm, true));
    }

    [Theory]
    [InlineData("alice", "wrong")]
    [InlineData("bob", "open: sésame")]
    public async Task Wrong_password_or_user_is_unauthorized(string user, string password)
    {
        Assert.Equal(AuthVerdictKind.Unauthorized, (await Create().VerifyAsync(Header(user, password), Realm, true)).Kind);
    }

    [Theory]
    [InlineData("Basic bm9jb2xvbg==")] // "nocolon"
    [InlineData("Basic OnBhc3N3b3Jk")] // ":password", empty user
    [InlineData("Basic /w==")]         // 0xFF, not UTF-8
    public async Task Malformed_values_are_unauthorized(string value)
    {
        Assert.True(AuthHeaderParser.TryParse(value, out var header, out _));

        Assert.Equal(AuthVerdictKind.Unauthorized, (await Create().VerifyAsync(header!, Realm, true)).Kind);
    }

    [Fact]
    public async Task Digest_value_is_not_basic_credentials()
    {
        Assert.True(AuthHeaderParser.TryParse("Digest realm=\"x\"", out var header, out _));

        Assert.Equal(AuthVerdictKind.NoCredentials, (await Create().VerifyAsync(header!, Realm, true)).Kind);
    }
}
