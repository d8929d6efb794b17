using System.Net.Http.Json;
using System.Text.Json;
using Switchboard.IntegrationTests.Calls;
using Switchboard.IntegrationTests.Infrastructure;

namespace Switchboard.IntegrationTests.Media;

/// <summary>
/// Issue 7 end to end: a SIPp caller in the LAN (127.0.0.2) calls a SIPp callee on the WAN (127.0.0.1); the proxy
/// puts the media relay in the SDP both ways, the caller plays G.711 RTP (pcap), the callee echoes it, and the relay's
/// session shows packets latched and relayed in both directions. The BYE (record-routed because of the relay)
/// removes the session.
/// </summary>
public sealed class MediaRelayCallTests(MediaRelayDeployment deployment) : IClassFixture<MediaRelayDeployment>
{
    private static readonly TimeSpan RunLimit = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_lan_to_wan_call_has_its_rtp_relayed_both_ways_and_bye_removes_the_relay()
    {
        var calleePort = FreePorts.Next();
        var (calleeMedia, callerMedia) = (EvenPorts.Next(), EvenPorts.Next());
        await SippPeer.RegisterAsync(deployment, "bob", calleePort);
        var callee = ExternalTool.RunAsync("sipp",
        [
            "-sf", SippPeer.Scenario("call_uas.xml"), "-s", "bob", "-i", "127.0.0.1", "-p", calleePort.ToString(),
            "-mp", calleeMedia.ToString(), "-rtp_echo", "-m", "1", "-timeout", "40s", "-timeout_error", "-nostdin", "-trace_err",
        ], RunLimit, deployment.DataDirectory);
        await MediaSipp.WaitForUdpListenerAsync(calleePort, callee); // the caller has no digest round trip to give the callee time to start
        var caller = ExternalTool.RunAsync("sipp",
        [
            $"127.0.0.1:{deployment.SipPort}", "-sf", SippPeer.Scenario("media_uac.xml"), "-s", "bob",
            "-i", MediaRelayDeployment.LanAddress, "-p", FreePorts.Next().ToString(), "-mp", callerMedia.ToString(),
            "-m", "1", "-timeout", "40s", "-timeout_error", "-nostdin", "-trace_err",
        ], RunLimit, deployment.DataDirectory);

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        JsonElement stream = await WaitForEchoedStreamAsync(http, caller);

        Assert.Equal($"{MediaRelayDeployment.LanAddress}:{callerMedia}", stream.GetProperty("callerPeer").GetString());
        Assert.Equal($"127.0.0.1:{calleeMedia}", stream.GetProperty("calleePeer").GetString());
        SippPeer.AssertOneSuccessfulCall(await caller, "caller (LAN)");
        SippPeer.AssertOneSuccessfulCall(await callee, "callee (WAN, RTP echo)");
        await WaitUntilAsync(async () => (await Sessions(http)).Count == 0, "the BYE did not remove the relay session");
    }

    [Fact]
    public async Task A_reinvite_moving_the_callee_to_a_new_rtp_port_makes_the_relay_send_there() =>
        await MediaCallFlows.ReinviteMovesMediaAsync(deployment, deployment.SessionApis);

    [Fact]
    public async Task A_late_offer_in_a_reliable_183_and_its_answer_in_the_prack_are_relayed() =>
        await MediaCallFlows.ReliableProvisionalOfferAsync(deployment, deployment.SessionApis);

    /// <summary>The call's one relayed stream once both sides are latched and RTP went each way (bounded to 15 s).</summary>
    private async Task<JsonElement> WaitForEchoedStreamAsync(HttpClient http, Task<ExternalTool.Result> caller)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        List<JsonElement> last = [];
        while (DateTime.UtcNow < deadline && !caller.IsCompleted)
        {
            var sessions = await Sessions(http);
            last = sessions.Count > 0 ? sessions : last;
            if (sessions.Count == 1 && sessions[0].GetProperty("streams") is { ValueKind: JsonValueKind.Array } streams && streams.GetArrayLength() == 1
                && streams[0] is var stream && stream.GetProperty("callerLatched").GetBoolean() && stream.GetProperty("calleeLatched").GetBoolean()
                && stream.GetProperty("packets").GetInt64() >= 40)
            {
                return stream;
            }

            await Task.Delay(200);
        }

        var output = caller.IsCompleted ? (await caller).Output : "(caller still running)";
        Assert.Fail($"no relayed RTP both ways; last sessions seen: {JsonSerializer.Serialize(last)}\ncaller: {output}");
        return default;
    }

    private async Task<List<JsonElement>> Sessions(HttpClient http) =>
        await http.GetFromJsonAsync<List<JsonElement>>(deployment.MediaApi) ?? [];

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, string failure)
    {
        for (var i = 0; i < 50; i++)
        {
            if (await condition())
            {
                return;
            }

            await Task.Delay(100);
        }

        Assert.Fail(failure);
    }
}
