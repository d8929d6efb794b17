using System.Net;
using System.Net.Sockets;
using System.Text;
using Switchboard.IntegrationTests.Calls;
using Switchboard.IntegrationTests.Infrastructure;

namespace Switchboard.IntegrationTests.Media;

/// <summary>
/// SIPp phones of the media tests (Scenarios/media_*.xml): a LAN caller with a chosen Call-ID, a WAN callee, both
/// pointing their SDP at the test's own RTP sockets (<c>-set</c>), and the INFO the test sends straight to the callee
/// to tell it to take its next step (re-INVITE, BYE) once it is ready for it, so no step waits on a guessed pause.
/// </summary>
internal static class MediaSipp
{
    private static readonly TimeSpan RunLimit = TimeSpan.FromSeconds(90);

    public static string NewCallId(string purpose) => $"{purpose}-{Guid.NewGuid():N}";

    /// <summary>Starts the callee scenario for one call on 127.0.0.1:<paramref name="sipPort"/> and waits until it listens.</summary>
    public static async Task<Task<ExternalTool.Result>> StartCalleeAsync(SwitchboardDeployment deployment, string scenario, int sipPort,
        params (string Name, int Port)[] media)
    {
        var run = ExternalTool.RunAsync("sipp",
        [
            "-sf", SippPeer.Scenario(scenario), "-s", "bob", "-i", "127.0.0.1", "-p", sipPort.ToString(),
            .. media.SelectMany(m => new[] { "-set", m.Name, m.Port.ToString() }),
            "-m", "1", "-timeout", "60s", "-timeout_error", "-nostdin", "-trace_err",
        ], RunLimit, deployment.DataDirectory);
        await WaitForUdpListenerAsync(sipPort, run);
        return run;
    }

    /// <summary>Starts the LAN caller (127.0.0.2, trusted: no digest) calling bob with Call-ID <paramref name="callId"/>.</summary>
    public static Task<ExternalTool.Result> StartCaller(SwitchboardDeployment deployment, string scenario, string callId, int rtpPort) =>
        ExternalTool.RunAsync("sipp",
        [
            $"127.0.0.1:{deployment.SipPort}", "-sf", SippPeer.Scenario(scenario), "-s", "bob",
            "-i", MediaRelayDeployment.LanAddress, "-p", FreePorts.Next().ToString(), "-cid_str", callId,
            "-set", "rtp", rtpPort.ToString(), "-m", "1", "-timeout", "60s", "-timeout_error", "-nostdin", "-trace_err",
        ], RunLimit, deployment.DataDirectory);

    /// <summary>
    /// Step <paramref name="step"/> of the callee: waits (up to 20 s) until its SIPp wrote <c>ready-CALLID-STEP</c> (it
    /// waits for the INFO now; one sent earlier would be an unexpected message and abort its call), then sends it an
    /// INFO of the call straight to 127.0.0.1:<paramref name="sipPort"/> (not through Switchboard).
    /// </summary>
    public static async Task SendTriggerAsync(SwitchboardDeployment deployment, Task<ExternalTool.Result> callee, int sipPort, string callId, int step)
    {
        var ready = Path.Combine(deployment.DataDirectory, $"ready-{callId}-{step}");
        for (var i = 0; i < 200 && !File.Exists(ready) && !callee.IsCompleted; i++)
        {
            await Task.Delay(100);
        }

        if (!File.Exists(ready))
        {
            var output = callee.IsCompleted ? (await callee).Output : "(still running)";
            Assert.Fail($"the callee SIPp never got ready for step {step} of {callId}:\n{output}");
        }

        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var local = ((IPEndPoint)socket.LocalEndPoint!).Port;
        var info = $"INFO sip:bob@127.0.0.1:{sipPort} SIP/2.0\r\n" +
                   $"Via: SIP/2.0/UDP 127.0.0.1:{local};branch=z9hG4bK-trigger{step}-{Guid.NewGuid():N}\r\n" +
                   "Max-Forwards: 70\r\n" +
                   "From: <sip:test@127.0.0.1>;tag=trigger\r\n" +
                   "To: <sip:bob@127.0.0.1>\r\n" +
                   $"Call-ID: {callId}\r\n" +
                   $"CSeq: {10 + step} INFO\r\n" +
                   "Content-Length: 0\r\n\r\n";
        await socket.SendToAsync(Encoding.ASCII.GetBytes(info), SocketFlags.None, new IPEndPoint(IPAddress.Loopback, sipPort));
    }

    /// <summary>Waits (up to 10 s) until something is bound to UDP <paramref name="address"/>:<paramref name="port"/>.</summary>
    public static async Task WaitForUdpListenerAsync(int port, Task<ExternalTool.Result> run, string address = "127.0.0.1")
    {
        for (var i = 0; i < 100 && !run.IsCompleted; i++)
        {
            try
            {
                using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
                probe.Bind(new IPEndPoint(IPAddress.Parse(address), port));
            }
            catch (SocketException)
            {
                return; // taken: SIPp listens
            }

            await Task.Delay(100);
        }

        var output = run.IsCompleted ? (await run).Output : "(still running)";
        Assert.Fail($"the callee SIPp does not listen on UDP {address}:{port}:\n{output}");
    }
}
