using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Switchboard.IntegrationTests.Infrastructure;

namespace Switchboard.IntegrationTests.Kamailio;

/// <summary>
/// What the gateway tests do against Kamailio and Switchboard: add the trunk over the admin API, wait for its state,
/// send calls and read answers. Every wait is bounded.
/// </summary>
internal static partial class GatewayTrunk
{
    /// <param name="domain">The gateway's domain; null: Kamailio's address and port (no DNS).</param>
    public static async Task AddAsync(HttpClient gatewayApi, string name, KamailioProcess kamailio, int sipPort, int registerEvery, string? password = null,
        string? domain = null)
    {
        using var response = await gatewayApi.PostAsJsonAsync("/api/gateways", new
        {
            name,
            domain = domain ?? $"127.0.0.1:{kamailio.Port}",
            username = KamailioProcess.TrunkUser,
            password = password ?? KamailioProcess.TrunkPassword,
            contact = $"sip:{KamailioProcess.TrunkUser}@127.0.0.1:{sipPort}",
            registerEvery,
            enabled = true,
        });
        Assert.True(response.IsSuccessStatusCode, $"POST /api/gateways: {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>The gateway's status once its state is <paramref name="state"/> (polled every 200 ms up to <paramref name="timeout"/>).</summary>
    public static async Task<JsonElement> WaitForStateAsync(HttpClient gatewayApi, string name, string state, TimeSpan timeout, Func<string> diagnostics)
    {
        var deadline = DateTime.UtcNow + timeout;
        var last = "";
        while (DateTime.UtcNow < deadline)
        {
            using var response = await gatewayApi.GetAsync($"/api/gateways/{name}/status");
            last = await response.Content.ReadAsStringAsync();
            if (response.StatusCode == HttpStatusCode.OK)
            {
                var status = JsonDocument.Parse(last).RootElement.Clone();
                if (status.GetProperty("state").GetString() == state)
                {
                    return status;
                }
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"gateway {name} not {state} within {timeout}: {last}\n{diagnostics()}");
    }

    /// <summary>The final answer carrying <paramref name="branch"/> (retransmissions and answers to earlier requests are skipped).</summary>
    public static async Task<string> ReceiveFinalAsync(SipProbe probe, string branch, int timeoutMs = 10_000)
    {
        var deadline = DateTime.UtcNow.AddMilliseconds(timeoutMs);
        while (DateTime.UtcNow < deadline)
        {
            var remaining = (int)Math.Max(1, (deadline - DateTime.UtcNow).TotalMilliseconds);
            var answer = await probe.ReceiveAsync(remaining);
            if (answer is not null && !answer.StartsWith("SIP/2.0 1", StringComparison.Ordinal) && answer.Contains($"branch={branch};", StringComparison.Ordinal))
            {
                return answer;
            }
        }

        throw new TimeoutException($"no final answer for {branch} within {timeoutMs} ms");
    }

    /// <summary>
    /// The next INVITE at <paramref name="phone"/> within <paramref name="timeoutMs"/>, or null; other messages, and
    /// INVITEs of other calls (late retransmissions) when <paramref name="callId"/> is given, are skipped.
    /// </summary>
    public static async Task<string?> ReceiveInviteAsync(SipProbe phone, int timeoutMs, string? callId = null)
    {
        var deadline = DateTime.UtcNow.AddMilliseconds(timeoutMs);
        while (DateTime.UtcNow < deadline)
        {
            var message = await phone.ReceiveAsync((int)Math.Max(1, (deadline - DateTime.UtcNow).TotalMilliseconds));
            if (message is not null && message.StartsWith("INVITE ", StringComparison.Ordinal)
                && (callId is null || message.Contains($"\r\nCall-ID: {callId}\r\n", StringComparison.OrdinalIgnoreCase)))
            {
                return message;
            }
        }

        return null;
    }

    /// <summary>An INVITE from the "PSTN" to <paramref name="number"/> at the provider (sent to Kamailio).</summary>
    public static byte[] InboundInvite(SipProbe caller, string number, string branch) => Encoding.ASCII.GetBytes(
        $"INVITE sip:{number}@{KamailioProcess.Realm} SIP/2.0\r\n" +
        $"Via: SIP/2.0/UDP 127.0.0.1:{caller.LocalPort};branch={branch};rport\r\n" +
        "Max-Forwards: 70\r\n" +
        $"From: <sip:+15550001@pstn.test>;tag={branch}\r\n" +
        $"To: <sip:{number}@{KamailioProcess.Realm}>\r\n" +
        $"Call-ID: {branch}@pstn\r\n" +
        "CSeq: 1 INVITE\r\n" +
        $"Contact: <sip:caller@127.0.0.1:{caller.LocalPort}>\r\n" +
        "Content-Length: 0\r\n\r\n");

    /// <summary>A UAS answer to <paramref name="request"/>: its Vias, From, Call-ID and CSeq, the To with our tag.</summary>
    public static byte[] Answer(string request, int status, string reason, string toTag)
    {
        var answer = new StringBuilder($"SIP/2.0 {status} {reason}\r\n");
        foreach (var line in HeaderLines(request))
        {
            if (IsField(line, "Via", "v") || IsField(line, "From", "f") || IsField(line, "Call-ID", "i") || IsField(line, "CSeq", null))
            {
                answer.Append(line).Append("\r\n");
            }
            else if (IsField(line, "To", "t"))
            {
                answer.Append(line).Append($";tag={toTag}\r\n");
            }
        }

        return Encoding.ASCII.GetBytes(answer.Append("Content-Length: 0\r\n\r\n").ToString());
    }

    /// <summary>The header lines of a message (no start line, no body).</summary>
    public static IEnumerable<string> HeaderLines(string message)
    {
        var head = message.Split("\r\n\r\n")[0];
        return head.Split("\r\n").Skip(1);
    }

    /// <summary>Every value of a header (full name), in order; comma-joined name-addr lists split.</summary>
    public static IReadOnlyList<string> Values(string message, string name) =>
        HeaderLines(message)
            .Where(line => IsField(line, name, null))
            .SelectMany(line => NameAddr().Matches(line[(line.IndexOf(':') + 1)..]).Select(m => m.Value))
            .ToArray();

    private static bool IsField(string line, string name, string? compact)
    {
        int colon = line.IndexOf(':');
        if (colon <= 0)
        {
            return false;
        }

        var field = line[..colon].Trim();
        return field.Equals(name, StringComparison.OrdinalIgnoreCase) || (compact is not null && field.Equals(compact, StringComparison.OrdinalIgnoreCase));
    }

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex NameAddr();
}
