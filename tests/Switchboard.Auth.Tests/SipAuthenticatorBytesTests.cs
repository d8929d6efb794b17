using System.Text;
using Microsoft.Extensions.Time.Testing;
using Switchboard.Auth.Digest;

namespace Switchboard.Auth.Tests;

/// <summary>
/// The byte path (<see cref="AuthRequest.CredentialBytes"/>) against the string path: the same verdict, reason
/// included, for valid answers, replays, stale nonces and thousands of mutated answers.
/// </summary>
public class SipAuthenticatorBytesTests
{
    private const string Realm = "example.com";
    private const string Uri = "sip:example.com";
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 26, 10, 0, 0, TimeSpan.Zero));

    private SipAuthenticator Create() =>
        new(new AuthenticationOptions { NonceSecret = [1, 2, 3], AllowBasic = true }, new RecordingCredentialStore().Add("alice", Realm, "secret"), _time);

    private static AuthRequest Strings(params string[] values) =>
        new(values, "REGISTER", Uri, ReadOnlyMemory<byte>.Empty, Realm, TransportIsSecure: true);

    private static AuthRequest Bytes(params string[] values) =>
        new([], "REGISTER", Uri, ReadOnlyMemory<byte>.Empty, Realm, TransportIsSecure: true)
        {
            CredentialBytes = values.Select(v => (ReadOnlyMemory<byte>)Encoding.UTF8.GetBytes(v)).ToArray(),
        };

    private string Answer(SipAuthenticator auth, int algorithm = 0, string password = "secret")
    {
        var challenge = auth.CreateChallenge(AuthRole.Registrar, Realm, true).Values[algorithm];
        Assert.True(new DigestClient("alice", password).TryCreateAuthorization(challenge, "REGISTER", Uri, default, out var value, out _));
        return value!;
    }

    [Fact]
    public async Task Valid_answers_pass_once_then_count_as_replays()
    {
        var auth = Create();
        var sha = Answer(auth, 0);
        var md5 = Answer(auth, 1);

        Assert.Equal(AuthVerdict.Ok("alice"), await auth.VerifyAsync(Bytes(sha)));
        Assert.Equal(AuthVerdict.Ok("alice"), await auth.VerifyAsync(Bytes(md5)));
        Assert.Equal("nonce count replayed", (await auth.VerifyAsync(Bytes(sha))).Reason);
        Assert.Equal("nonce count replayed", (await auth.VerifyAsync(Strings(md5))).Reason);
    }

    [Fact]
    public async Task Stale_wrong_and_foreign_answers_match_the_string_path()
    {
        var bytes = Create();
        var strings = Create();
        string[] values =
        [
            Answer(bytes, 0, password: "wrong"),
            "Digest username=\"x\", realm=\"elsewhere\", nonce=\"n\", uri=\"sip:x\", response=\"00\"",
            "Digest username=\"al\\ice\", realm=\"example.com\", nonce=\"n\", uri=\"sip:example.com\", response=\"00\"",
            "Digest dG9rZW42OA==",
            "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("alice:secret")),
            "Digest realm=\"unterminated",
            "Bogus a=b",
        ];

        foreach (var value in values)
        {
            Assert.Equal(await strings.VerifyAsync(Strings(value)), await bytes.VerifyAsync(Bytes(value)));
        }

        var late = Answer(bytes);
        _time.Advance(TimeSpan.FromMinutes(6));
        Assert.Equal(AuthVerdictKind.Stale, (await bytes.VerifyAsync(Bytes(late))).Kind);
    }

    [Fact]
    public async Task Mutated_answers_get_the_same_verdict_on_both_paths()
    {
        var bytes = Create();
        var strings = Create();
        var random = new Random(7);
        const string alphabet = "\"\\,= ab0AZ!%/+-_~\t\r\n\u00e9\u0000";

        for (var i = 0; i < 2000; i++)
        {
            var chars = Answer(bytes, i % 2).ToCharArray();
            chars[random.Next(chars.Length)] = alphabet[random.Next(alphabet.Length)];
            var mutated = new string(chars);

            var expected = await strings.VerifyAsync(Strings(mutated));
            var actual = await bytes.VerifyAsync(Bytes(mutated));

            Assert.True(expected == actual, $"{mutated}: strings {expected}, bytes {actual}");
        }
    }
}
