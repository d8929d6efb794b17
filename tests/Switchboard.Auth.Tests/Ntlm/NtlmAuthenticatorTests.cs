using Microsoft.Extensions.Time.Testing;
using Switchboard.Auth.Ntlm;
using Switchboard.Auth.Parsing;

namespace Switchboard.Auth.Tests.Ntlm;

public class NtlmAuthenticatorTests
{
    private const string Realm = "SIP Communications Service";
    private const string Target = "server.contoso.com";
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 26, 10, 0, 0, TimeSpan.Zero));
    private readonly RecordingNtlmStore _store = new RecordingNtlmStore().Add("alice", "Passw0rd!").Add("User", "Password");

    private NtlmAuthenticator Create(Action<AuthenticationOptions>? configure = null)
    {
        var options = new AuthenticationOptions { AdvertiseNtlm = true, NtlmTargetName = Target, NtlmDomain = "CONTOSO" };
        configure?.Invoke(options);
        return new NtlmAuthenticator(options, _store, _time);
    }

    private static AuthHeader Parse(string value)
    {
        Assert.True(AuthHeaderParser.TryParse(value, out var header, out var error), error);
        return header!;
    }

    private NtlmTestClient Client(string password = "Passw0rd!") => new("alice", "CONTOSO", password, Realm, Target);

    [Fact]
    public void Initial_challenge_follows_ms_sipae()
    {
        Assert.Equal($"NTLM realm=\"{Realm}\", targetname=\"{Target}\", version=3", Create().CreateChallenge());
        Assert.Null(new NtlmAuthenticator(new AuthenticationOptions(), _store, _time).CreateChallenge());
    }

    [Fact]
    public async Task Handshake_round_trip_authenticates()
    {
        var server = Create();
        var client = Client();

        var first = await server.VerifyAsync(Parse(client.NegotiateHeader()));
        Assert.Equal(AuthVerdictKind.Continue, first.Kind);
        Assert.Contains("opaque=\"", first.Challenge);
        Assert.Contains($"realm=\"{Realm}\"", first.Challenge);
        Assert.Equal(1, server.Associations.Count);

        var second = await server.VerifyAsync(Parse(client.AuthenticateHeader(first.Challenge!)));

        Assert.Equal((AuthVerdictKind.Ok, "alice"), (second.Kind, second.User));
        Assert.Same(second.Security, server.Contexts.Find(second.Security!.Opaque));
        Assert.Equal(("alice", "CONTOSO"), _store.Lookups.Single());
        Assert.Equal(0, server.Associations.Count);
    }

    [Fact]
    public async Task Wrong_password_is_unauthorized()
    {
        var server = Create();
        var client = Client();
        var first = await server.VerifyAsync(Parse(client.NegotiateHeader()));

        var second = await server.VerifyAsync(Parse(client.AuthenticateHeader(first.Challenge!, "guess")));

        Assert.Equal(AuthVerdictKind.Unauthorized, second.Kind);
        Assert.Equal("wrong NTLMv2 proof", second.Reason);
    }

    [Fact]
    public async Task Authenticate_cannot_be_replayed()
    {
        var server = Create();
        var client = Client();
        var first = await server.VerifyAsync(Parse(client.NegotiateHeader()));
        var answer = Parse(client.AuthenticateHeader(first.Challenge!));

        Assert.True((await server.VerifyAsync(answer)).IsOk);
        Assert.Equal(AuthVerdictKind.Unauthorized, (await server.VerifyAsync(answer)).Kind);
    }

    [Fact]
    public async Task Handshake_expires()
    {
        var server = Create(o => o.NtlmHandshakeLifetime = TimeSpan.FromSeconds(30));
        var client = Client();
        var first = await server.VerifyAsync(Parse(client.NegotiateHeader()));

        _time.Advance(TimeSpan.FromSeconds(31));

        Assert.Equal(AuthVerdictKind.Unauthorized, (await server.VerifyAsync(Parse(client.AuthenticateHeader(first.Challenge!)))).Kind);
    }

    [Fact]
    public async Task Security_associations_are_bounded_oldest_evicted()
    {
        var server = Create(o => o.NtlmMaxSecurityAssociations = 3);
        var client = Client();
        var oldest = await server.VerifyAsync(Parse(client.NegotiateHeader()));
        AuthVerdict newest = default;
        for (var i = 0; i < 3; i++)
        {
            newest = await server.VerifyAsync(Parse(client.NegotiateHeader()));
        }

        Assert.Equal(3, server.Associations.Count);
        Assert.Equal(AuthVerdictKind.Unauthorized, (await server.VerifyAsync(Parse(client.AuthenticateHeader(oldest.Challenge!)))).Kind);
        Assert.True((await server.VerifyAsync(Parse(client.AuthenticateHeader(newest.Challenge!)))).IsOk);
    }

    [Fact]
    public async Task Ms_nlmp_example_message_verifies_against_its_server_challenge()
    {
        var server = Create();
        server.Associations.Add("EXAMPLE1", NtlmV2VectorTests.ServerChallenge);
        var value = $"NTLM qop=\"auth\", opaque=\"EXAMPLE1\", realm=\"{Realm}\", targetname=\"{Target}\", " +
            $"gssapi-data=\"{Convert.ToBase64String(NtlmV2VectorTests.AuthenticateMessage)}\"";

        var verdict = await server.VerifyAsync(Parse(value));
        Assert.Equal((AuthVerdictKind.Ok, "User"), (verdict.Kind, verdict.User));
        Assert.Equal(("User", "Domain"), _store.Lookups.Single());
    }

    [Fact]
    public async Task Off_by_default_and_foreign_realm_is_not_ours()
    {
        var disabled = new NtlmAuthenticator(new AuthenticationOptions { NtlmTargetName = Target }, _store, _time);
        var client = Client();
        var foreign = new NtlmTestClient("alice", "CONTOSO", "x", "Other Realm", Target);

        Assert.Equal(AuthVerdictKind.NoCredentials, (await disabled.VerifyAsync(Parse(client.NegotiateHeader()))).Kind);
        Assert.Equal(AuthVerdictKind.NoCredentials, (await Create().VerifyAsync(Parse(foreign.NegotiateHeader()))).Kind);
        Assert.Equal(AuthVerdictKind.NoCredentials, (await Create().VerifyAsync(Parse("Digest realm=\"x\""))).Kind);
    }

    [Theory]
    [InlineData("!!notbase64")]
    [InlineData("AAAA")]
    [InlineData("TlRMTVNTUAACAAAA")]
    public async Task Garbage_gssapi_data_is_unauthorized(string data)
    {
        var value = $"NTLM realm=\"{Realm}\", targetname=\"{Target}\", gssapi-data=\"{data}\"";

        Assert.Equal(AuthVerdictKind.Unauthorized, (await Create().VerifyAsync(Parse(value))).Kind);
    }

    [Fact]
    public async Task Signed_request_without_gssapi_data_is_refused_not_trusted()
    {
        var value = $"NTLM qop=\"auth\", opaque=\"ABCD\", realm=\"{Realm}\", targetname=\"{Target}\", crand=\"1\", cnum=\"1\", response=\"00\"";

        Assert.Equal(AuthVerdictKind.Unauthorized, (await Create().VerifyAsync(Parse(value))).Kind);
    }

    [Fact]
    public async Task Ntlmv1_length_response_is_refused()
    {
        var server = Create();
        server.Associations.Add("V1", NtlmV2VectorTests.ServerChallenge);
        var message = (byte[])NtlmV2VectorTests.AuthenticateMessage.Clone();
        message[20] = 24; // NT response length 24: the NTLMv1 shape
        message[22] = 24;
        var value = $"NTLM opaque=\"V1\", realm=\"{Realm}\", targetname=\"{Target}\", gssapi-data=\"{Convert.ToBase64String(message)}\"";

        var verdict = await server.VerifyAsync(Parse(value));

        Assert.Equal(AuthVerdictKind.Unauthorized, verdict.Kind);
        Assert.Empty(_store.Lookups);
    }

    [Fact]
    public async Task Mutated_or_truncated_authenticate_messages_never_throw()
    {
        var server = Create();
        var random = new Random(7);
        for (var i = 0; i < 500; i++)
        {
            var opaque = $"M{i}";
            server.Associations.Add(opaque, NtlmV2VectorTests.ServerChallenge);
            var message = (byte[])NtlmV2VectorTests.AuthenticateMessage.Clone();
            var at = random.Next(message.Length);
            message[at] = (byte)random.Next(256);
            var length = i % 3 == 0 ? random.Next(message.Length) : message.Length;
            var value = $"NTLM opaque=\"{opaque}\", realm=\"{Realm}\", targetname=\"{Target}\", " +
                $"gssapi-data=\"{Convert.ToBase64String(message, 0, length)}\"";

            var verdict = await server.VerifyAsync(Parse(value));

            // Bytes 0x84..0xd7 (the NT response field) hold NTProofStr and the blob it signs (MS-NLMP §4.2.4.3 layout): any change there must fail.
            if (length == message.Length && at is >= 0x84 and < 0xd8 && message[at] != NtlmV2VectorTests.AuthenticateMessage[at])
            {
                Assert.NotEqual(AuthVerdictKind.Ok, verdict.Kind);
            }
        }
    }
}
