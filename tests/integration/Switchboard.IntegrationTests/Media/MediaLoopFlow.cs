using System.Text;
using Switchboard.IntegrationTests.Calls;
using Switchboard.IntegrationTests.Infrastructure;
using Switchboard.IntegrationTests.Kamailio;

namespace Switchboard.IntegrationTests.Media;

/// <summary>
/// The manual's media loop over real sockets: alice in the LAN (127.0.0.2) dials <c>loopcarol</c>; a router record
/// sends it to a WAN server (Kamailio on 127.0.0.1, provider.cfg with HAND_BACK), which hands it back to us for carol,
/// registered in the same LAN. The first leg crosses LAN→WAN and gets the relay; the returning offer points at that
/// relay, so the proxy unwraps it: carol's INVITE carries alice's own media address, alice's 200 carries carol's, the
/// relay session is gone, and the G.711 RTP SIPp plays is echoed straight between the two phones.
/// </summary>
internal static class MediaLoopFlow
{
    private static readonly TimeSpan RunLimit = TimeSpan.FromSeconds(60);

    public static async Task DirectMediaRoundTheLoopAsync(SwitchboardDeployment deployment, IReadOnlyList<string> sessionApis)
    {
        await using var wanServer = await KamailioProcess.StartAsync(defines: [$"HAND_BACK=\"127.0.0.1:{deployment.SipPort}\""]);
        using (var http = new HttpClient { BaseAddress = new Uri(deployment.RouterApi), Timeout = TimeSpan.FromSeconds(10) })
        {
            using var put = await http.PutAsync("/api/router/table",
                new StringContent($"<loop*> = *@127.0.0.1:{wanServer.Port}\n", Encoding.UTF8, "text/plain"));
            Assert.True(put.IsSuccessStatusCode, $"router table: {put.StatusCode} {await put.Content.ReadAsStringAsync()}");
        }

        var (calleeSip, calleeMedia, callerMedia) = (FreePorts.Next(), EvenPorts.Next(MediaRelayDeployment.LanAddress), EvenPorts.Next(MediaRelayDeployment.LanAddress));
        var callId = MediaSipp.NewCallId("loop");
        var (calleeLog, callerLog) = (Path.Combine(deployment.DataDirectory, "loop-callee.log"), Path.Combine(deployment.DataDirectory, "loop-caller.log"));
        await SippPeer.RegisterAsync(deployment, "carol", calleeSip, address: MediaRelayDeployment.LanAddress);
        var callee = ExternalTool.RunAsync("sipp",
        [
            "-sf", SippPeer.Scenario("call_uas.xml"), "-s", "carol", "-i", MediaRelayDeployment.LanAddress, "-p", calleeSip.ToString(),
            "-mp", calleeMedia.ToString(), "-rtp_echo", "-m", "1", "-timeout", "40s", "-timeout_error", "-nostdin", "-trace_err",
            "-trace_msg", "-message_file", calleeLog,
        ], RunLimit, deployment.DataDirectory);
        await MediaSipp.WaitForUdpListenerAsync(calleeSip, callee, MediaRelayDeployment.LanAddress);
        var caller = ExternalTool.RunAsync("sipp",
        [
            $"127.0.0.1:{deployment.SipPort}", "-sf", SippPeer.Scenario("media_uac.xml"), "-s", "loopcarol",
            "-i", MediaRelayDeployment.LanAddress, "-p", FreePorts.Next().ToString(), "-mp", callerMedia.ToString(), "-cid_str", callId,
            "-m", "1", "-timeout", "40s", "-timeout_error", "-nostdin", "-trace_err", "-trace_msg", "-message_file", callerLog,
        ], RunLimit, deployment.DataDirectory);

        var callerResult = await caller;
        var calleeResult = await callee;
        SippPeer.AssertOneSuccessfulCall(callerResult, $"caller alice (LAN)\nKamailio:\n{wanServer.Output}");
        SippPeer.AssertOneSuccessfulCall(calleeResult, "callee carol (LAN, reached round the loop)");

        var offer = Sdp(await File.ReadAllTextAsync(calleeLog), "INVITE sip:carol@");
        Assert.Contains($"c=IN IP4 {MediaRelayDeployment.LanAddress}", offer);
        Assert.Contains($"m=audio {callerMedia} ", offer);
        var answer = Sdp(await File.ReadAllTextAsync(callerLog), "SIP/2.0 200 OK", "CSeq: 1 INVITE");
        Assert.Contains($"c=IN IP4 {MediaRelayDeployment.LanAddress}", answer);
        Assert.Contains($"m=audio {calleeMedia} ", answer);

        using var watch = new MediaSessionWatch(sessionApis);
        Assert.Empty(await watch.HoldersAsync(callId)); // the first leg's relay went when the loop was found
    }

    /// <summary>The SDP body of the first received message in a SIPp message log that starts with <paramref name="startLine"/>.</summary>
    private static string Sdp(string log, string startLine, string? alsoContains = null)
    {
        foreach (var message in log.Split("message received", StringSplitOptions.RemoveEmptyEntries))
        {
            var start = message.IndexOf(startLine, StringComparison.Ordinal);
            if (start < 0 || (alsoContains is not null && !message.Contains(alsoContains, StringComparison.Ordinal)))
            {
                continue;
            }

            var end = message.IndexOf("\n-----", start, StringComparison.Ordinal); // SIPp's separator before the next message
            var text = end < 0 ? message[start..] : message[start..end];
            var body = text.IndexOf("v=0", StringComparison.Ordinal);
            if (body >= 0)
            {
                return text[body..];
            }
        }

        Assert.Fail($"no received '{startLine}' with SDP in the message log:\n{log}");
        return "";
    }
}
