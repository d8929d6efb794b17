using System.Text;
using Microsoft.Extensions.Time.Testing;
using Switchboard.Auth.Digest;
using Switchboard.Auth.Tests.Ntlm;

namespace Switchboard.Auth.Tests;

public class SipAuthenticatorTests
{
    private const string Realm = "example.com";
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 26, 10, 0, 0, TimeSpan.Zero));
    private readonly RecordingCredentialStore _digestStore = new RecordingCredentialStore().Add("alice", Realm, "secret");
    private readonly RecordingNtlmStore _ntlmStore = new RecordingNtlmStore().Add("alice", "secret");

    private SipAuthenticator Create(AuthenticationOptions options) => new(options, _digestStore, _time, _ntlmStore);

    private static AuthRequest Request(params string[] values) =>
        new(values, "REGISTER", "sip:example.com", ReadOnlyMemory<byte>.Empty, Realm, TransportIsSecure: true);

    [Fact]
    public void Defaults_advertise_digest_only_as_401_for_registrar()
    {
        var challenge = Create(new AuthenticationOptions()).CreateChallenge(AuthRole.Registrar, Realm, transportIsSecure: true);

        Assert.Equal(401, challenge.Status);
        Assert.Equal("WWW-Authenticate", challenge.HeaderName);
        Assert.Equal(2, challenge.Values.Count);
        Assert.All(challenge.Values, v => Assert.StartsWith("Digest ", v));
    }

    [Fact]
    public void Switches_add_ntlm_and_basic_and_remove_digest()
    {
        var all = Create(new AuthenticationOptions { AdvertiseNtlm = true, AllowBasic = true })
            .CreateChallenge(AuthRole.Proxy, Realm, transportIsSecure: true);
        var ntlmOnly = Create(new AuthenticationOptions { AdvertiseDigest = false, AdvertiseNtlm = true })
            .CreateChallenge(AuthRole.Proxy, Realm, transportIsSecure: false);

        Assert.Equal(407, all.Status);
        Assert.Equal("Proxy-Authenticate", all.HeaderName);
        Assert.Equal(["Digest", "Digest", "NTLM", "Basic"], all.Values.Select(v => v.Split(' ')[0]));
        Assert.Equal(["NTLM"], ntlmOnly.Values.Select(v => v.Split(' ')[0]));
    }

    [Fact]
    public async Task Routes_each_scheme_and_skips_foreign_realms()
    {
        var auth = Create(new AuthenticationOptions { AdvertiseNtlm = true, AllowBasic = true, NtlmTargetName = "sip.example.com" });
        var challenge = auth.CreateChallenge(AuthRole.Registrar, Realm, true).Values[0];
        Assert.True(new DigestClient("alice", "secret").TryCreateAuthorization(challenge, "REGISTER", "sip:example.com", default, out var digest, out _));
        var foreign = "Digest username=\"x\", realm=\"elsewhere\", nonce=\"n\", uri=\"sip:x\", response=\"00\"";
        var basic = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("alice:secret"));
        var ntlm = new NtlmTestClient("alice", "EXAMPLE", "secret", "SIP Communications Service", "sip.example.com");

        Assert.Equal(AuthVerdict.Ok("alice"), await auth.VerifyAsync(Request(foreign, digest!)));
        Assert.Equal(AuthVerdict.Ok("alice"), await auth.VerifyAsync(Request(basic)));
        Assert.Equal(AuthVerdictKind.Continue, (await auth.VerifyAsync(Request(ntlm.NegotiateHeader()))).Kind);
        Assert.Equal(AuthVerdictKind.NoCredentials, (await auth.VerifyAsync(Request(foreign))).Kind);
        Assert.Equal(AuthVerdictKind.NoCredentials, (await auth.VerifyAsync(Request())).Kind);
        Assert.Equal(AuthVerdictKind.Unauthorized, (await auth.VerifyAsync(Request("Digest realm=\"unterminated"))).Kind);
    }
}
