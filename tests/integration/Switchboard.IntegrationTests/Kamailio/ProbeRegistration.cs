using System.Text;
using Switchboard.Auth.Digest;
using Switchboard.IntegrationTests.Infrastructure;

namespace Switchboard.IntegrationTests.Kamailio;

/// <summary>
/// Registers a <see cref="SipProbe"/>'s own address as a user's Contact at Switchboard (401 → Digest → 200), so
/// calls for that user arrive at the probe. Bounded: two requests, 5 s each.
/// </summary>
internal static class ProbeRegistration
{
    public static async Task RegisterAsync(SipProbe probe, int sipPort, string user, string password)
    {
        string challenge = "";
        for (var attempt = 1; attempt <= 2; attempt++)
        {
            string? authorization = null;
            if (attempt == 2)
            {
                string selected = DigestClient.SelectChallenge(HeaderValues(challenge, "WWW-Authenticate"))
                    ?? throw new InvalidOperationException($"no Digest challenge:\n{challenge}");
                Assert.True(new DigestClient(user, password).TryCreateAuthorization(selected, "REGISTER", "sip:127.0.0.1", default, out authorization, out string error), error);
            }

            await probe.SendAsync(Register(probe, user, attempt, authorization), sipPort);
            string answer = await probe.ReceiveAsync(5000) ?? throw new TimeoutException("no answer to REGISTER");
            if (answer.StartsWith("SIP/2.0 200", StringComparison.Ordinal))
            {
                return;
            }

            challenge = answer;
        }

        throw new InvalidOperationException($"REGISTER for {user} was not accepted:\n{challenge}");
    }

    private static byte[] Register(SipProbe probe, string user, int cseq, string? authorization) => Encoding.ASCII.GetBytes(
        "REGISTER sip:127.0.0.1 SIP/2.0\r\n" +
        $"Via: SIP/2.0/UDP 127.0.0.1:{probe.LocalPort};branch=z9hG4bKreg{user}{cseq};rport\r\n" +
        "Max-Forwards: 70\r\n" +
        $"From: <sip:{user}@127.0.0.1>;tag=reg{user}\r\n" +
        $"To: <sip:{user}@127.0.0.1>\r\n" +
        $"Call-ID: reg-{user}@127.0.0.1\r\n" +
        $"CSeq: {cseq} REGISTER\r\n" +
        $"Contact: <sip:{user}@127.0.0.1:{probe.LocalPort}>\r\n" +
        (authorization is null ? "" : $"Authorization: {authorization}\r\n") +
        "Expires: 600\r\n" +
        "Content-Length: 0\r\n\r\n");

    private static IEnumerable<string> HeaderValues(string message, string name) =>
        message.Split("\r\n")
            .Where(line => line.StartsWith(name + ":", StringComparison.OrdinalIgnoreCase))
            .Select(line => line[(name.Length + 1)..].Trim());
}
