using System.Text;
using Microsoft.Extensions.Time.Testing;
using Switchboard.Auth.Digest;

namespace Switchboard.Auth.Tests.Digest;

/// <summary>Random single-character mutations of a valid answer: never a crash, never a wrong Ok.</summary>
public class DigestMutationTests
{
    private const string Realm = "example.com";

    [Fact]
    public async Task Mutated_answers_never_throw_and_never_pass_when_security_fields_change()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 10, 0, 0, TimeSpan.Zero));
        var store = new RecordingCredentialStore().Add("alice", Realm, "secret");
        var auth = new DigestAuthenticator(new AuthenticationOptions { NonceSecret = [5, 5, 5] }, store, time);
        var random = new Random(42);
        const string alphabet = "\"\\,= ab0AZ!%/+-_~\t\r\n\u00e9\u0000";

        for (var i = 0; i < 2000; i++)
        {
            var challenge = auth.CreateChallenges(Realm)[i % 2];
            var client = new DigestClient("alice", "secret");
            Assert.True(client.TryCreateAuthorization(challenge, "REGISTER", "sip:example.com", default, out var value, out _));
            var chars = value!.ToCharArray();
            var at = random.Next(chars.Length);
            var original = chars[at];
            chars[at] = alphabet[random.Next(alphabet.Length)];
            var mutated = new string(chars);

            var verdict = await auth.VerifyAsync([mutated], "REGISTER", "sip:example.com", Array.Empty<byte>(), Realm);

            // A changed character inside the value of any checked parameter must not authenticate. Outside the
            // values (scheme, names, separators) an unknown name is ignored and a missing one fails anyway; the
            // opaque is optional; tokens and the hex response compare case-insensitively.
            if (verdict.IsOk && chars[at] != original)
            {
                var (name, inValue) = Locate(value, at);
                var caseOnly = char.ToLowerInvariant(chars[at]) == char.ToLowerInvariant(original)
                    && name is "algorithm" or "qop" or "response";
                Assert.True(!inValue || name == "opaque" || caseOnly, $"mutation in {name} ('{original}' -> '{chars[at]}') passed: {mutated}");
            }
        }
    }

    private static (string Name, bool InValue) Locate(string value, int at)
    {
        foreach (System.Text.RegularExpressions.Match m in System.Text.RegularExpressions.Regex.Matches(value, "([A-Za-z-]+)=(\"[^\"]*\"|[^,\\s]+)"))
        {
            var group = m.Groups[2];
            if (at >= group.Index && at < group.Index + group.Length)
            {
                return (m.Groups[1].Value, true);
            }
        }

        return ("", false);
    }
}
