using Switchboard.IntegrationTests.Calls;
using Switchboard.IntegrationTests.Infrastructure;

namespace Switchboard.IntegrationTests.Media;

/// <summary>
/// The media timeout with <c>Proxy:Media:EndCallOnTimeout</c> on: a relayed LAN→WAN call whose phones send no RTP
/// loses its relay after the media timeout, <c>MediaSessionTimedOut</c> reaches the proxy over the bus and the proxy
/// ends the call with a BYE to each SIPp peer, carrying <c>Reason: SIP;cause=408</c> (checked by the scenarios).
/// </summary>
public sealed class MediaTimeoutByeTests(MediaTimeoutByeDeployment deployment) : IClassFixture<MediaTimeoutByeDeployment>
{
    [Fact]
    public async Task A_silent_call_is_ended_by_the_proxy_with_a_bye_to_each_side() =>
        await SilentCallEndedByTheProxyAsync(deployment, deployment.SessionApis, MediaTimeoutDeployment.MediaTimeout);

    /// <summary>The flow, shared with the distributed wiring (<see cref="MediaTimeoutByeDistributedTests"/>).</summary>
    internal static async Task SilentCallEndedByTheProxyAsync(SwitchboardDeployment deployment, IReadOnlyList<string> sessionApis, TimeSpan mediaTimeout)
    {
        using var caller = RtpEndpoint.BindEven(MediaRelayDeployment.LanAddress);
        using var callee = RtpEndpoint.BindEven("127.0.0.1");
        using var watch = new MediaSessionWatch(sessionApis);
        var (calleeSip, callId) = (FreePorts.Next(), MediaSipp.NewCallId("silent-bye"));
        await SippPeer.RegisterAsync(deployment, "bob", calleeSip);
        var calleeRun = await MediaSipp.StartCalleeAsync(deployment, "media_uas_timeout.xml", calleeSip, ("rtp1", callee.Port));
        var callerRun = MediaSipp.StartCaller(deployment, "media_uac_timeout.xml", callId, caller.Port);

        await watch.WaitForStreamAsync(callId,
            s => MediaSessionWatch.Peer(s, "callee") == callee.EndPoint.ToString(), "the callee's answer in the relay", callerRun, calleeRun);
        await watch.WaitGoneAsync(callId, mediaTimeout + TimeSpan.FromSeconds(20), "no RTP for the media timeout");

        // Both scenarios end only after a BYE with the 408 Reason, answered 200: no one else sends one here.
        SippPeer.AssertOneSuccessfulCall(await callerRun, "caller (LAN, silent, BYE from the proxy)");
        SippPeer.AssertOneSuccessfulCall(await calleeRun, "callee (WAN, silent, BYE from the proxy)");
    }
}

/// <summary>
/// The same in the distributed wiring: the relay that times the call out is a media-proxy process, its
/// <c>MediaSessionTimedOut</c> reaches the transaction service over RabbitMQ.
/// </summary>
public sealed class MediaTimeoutByeDistributedTests(MediaTimeoutByeDistributedDeployment deployment) : IClassFixture<MediaTimeoutByeDistributedDeployment>
{
    [Fact]
    public async Task A_silent_call_is_ended_by_the_proxy_with_a_bye_to_each_side_across_processes() =>
        await MediaTimeoutByeTests.SilentCallEndedByTheProxyAsync(deployment, deployment.SessionApis, MediaDistributedDeployment.MediaTimeout);
}

/// <summary>The 3 s media timeout deployment with the proxy ending timed-out calls.</summary>
public sealed class MediaTimeoutByeDeployment : MediaRelayDeployment
{
    public override string Name => "all-in-one (media relay, 3 s media timeout, calls ended on timeout)";

    protected override IEnumerable<string> RelayArguments =>
    [
        $"--MediaProxy:MediaTimeout={MediaTimeoutDeployment.MediaTimeout:c}", "--MediaProxy:TimeoutSweepInterval=00:00:01",
        "--Proxy:Media:EndCallOnTimeout=true",
    ];
}
