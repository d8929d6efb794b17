using System.Net;
using Switchboard.IntegrationTests.Calls;
using Switchboard.IntegrationTests.Infrastructure;

namespace Switchboard.IntegrationTests.Media;

/// <summary>
/// Call flows of the media tests, shared by both wirings: a LAN caller (127.0.0.2) calls a WAN callee (127.0.0.1),
/// the test's own RTP sockets stand in for both phones' media, and the relay's session list shows where it sends.
/// </summary>
internal static class MediaCallFlows
{
    private const int Burst = 20;
    private static readonly TimeSpan ReceiveLimit = TimeSpan.FromSeconds(10);

    /// <summary>
    /// The callee re-INVITEs with a new RTP port: the relay must then send the caller's packets there (and no longer
    /// to the old port), and relay the new port's packets back; sequence numbers arrive intact both ways. Returns the
    /// session API of the instance that held the call.
    /// </summary>
    public static async Task<string> ReinviteMovesMediaAsync(SwitchboardDeployment deployment, IReadOnlyList<string> sessionApis)
    {
        using var call = await ReinvitedCall.StartAsync(deployment, sessionApis, "reinvite");
        Assert.Equal(call.Caller.EndPoint.ToString(), MediaSessionWatch.Peer(call.Answered, "caller"));
        var (toCallee, toCaller) = RelayPorts(call.Answered);
        await ExchangeAsync(call.Caller, call.First, toCallee, toCaller, 1000);

        var (after, movedStream) = await call.MoveCalleeAsync();
        Assert.Equal(call.Holder, after);
        Assert.Equal((toCallee, toCaller), RelayPorts(movedStream)); // the caller keeps sending where it did
        await ExchangeAsync(call.Caller, call.Moved, toCallee, toCaller, 2000);
        Assert.Empty(await call.First.ReceiveAsync(1, TimeSpan.FromMilliseconds(300)));

        await call.HangUpAsync("");
        return call.Holder;
    }

    /// <summary>
    /// One relayed call with Call-ID <paramref name="callId"/>: RTP both ways through the relay, then the callee's BYE
    /// removes the session. Returns the session API of the instance that held the call.
    /// </summary>
    public static async Task<string> RelayedCallAsync(SwitchboardDeployment deployment, IReadOnlyList<string> sessionApis, string callId)
    {
        using var caller = RtpEndpoint.BindEven(MediaRelayDeployment.LanAddress);
        using var callee = RtpEndpoint.BindEven("127.0.0.1");
        using var watch = new MediaSessionWatch(sessionApis);
        var calleeSip = FreePorts.Next();
        await SippPeer.RegisterAsync(deployment, "bob", calleeSip);
        var calleeRun = await MediaSipp.StartCalleeAsync(deployment, "media_uas_trigger.xml", calleeSip, ("rtp1", callee.Port));
        var callerRun = MediaSipp.StartCaller(deployment, "media_uac_wait.xml", callId, caller.Port);

        var (holder, stream) = await watch.WaitForStreamAsync(callId,
            s => MediaSessionWatch.Peer(s, "callee") == callee.EndPoint.ToString(), "the callee's answer in the relay", callerRun, calleeRun);
        var (toCallee, toCaller) = RelayPorts(stream);
        await ExchangeAsync(caller, callee, toCallee, toCaller, 3000);

        await MediaSipp.SendTriggerAsync(deployment, calleeRun, calleeSip, callId, 1); // the callee hangs up
        SippPeer.AssertOneSuccessfulCall(await callerRun, "caller (LAN)");
        SippPeer.AssertOneSuccessfulCall(await calleeRun, "callee (WAN)");
        await watch.WaitGoneAsync(callId, TimeSpan.FromSeconds(10), "after the BYE");
        return holder;
    }

    /// <summary>
    /// A relayed call whose streams the relay hands to the kernel: one packet each way latches both legs (and the
    /// caller's second installs the last rule), then bursts each way travel in the kernel only, every packet
    /// intact and in order, counted in <c>switchboard_media_kernel_packets_relayed_total</c> and in the session; a
    /// re-INVITE that moves the callee takes the stream back to user space until the new port has spoken; the BYE
    /// withdraws the rules.
    /// </summary>
    public static async Task KernelRelayedCallAsync(SwitchboardDeployment deployment, IReadOnlyList<string> sessionApis)
    {
        using var call = await ReinvitedCall.StartAsync(deployment, sessionApis, "kernel");
        var (toCallee, toCaller) = RelayPorts(call.Answered);

        await HandToKernelAsync(call.Watch, call.Caller, call.First, toCallee, toCaller, 100);
        var inKernel = await call.Watch.MetricAsync("switchboard_media_kernel_packets_relayed_total");
        await ExchangeAsync(call.Caller, call.First, toCallee, toCaller, 1000);
        Assert.Equal(inKernel + 2 * Burst, await call.Watch.MetricAsync("switchboard_media_kernel_packets_relayed_total"));
        var (_, counted) = await call.StreamAsync();
        Assert.Equal(3 + 2 * Burst, counted.GetProperty("packets").GetInt64()); // 3 in user space, the bursts in the kernel

        await call.MoveCalleeAsync();
        Assert.Equal(0, await call.Watch.MetricAsync("switchboard_media_kernel_rules"));
        await HandToKernelAsync(call.Watch, call.Caller, call.Moved, toCallee, toCaller, 200);
        await ExchangeAsync(call.Caller, call.Moved, toCallee, toCaller, 2000);
        Assert.Empty(await call.First.ReceiveAsync(1, TimeSpan.FromMilliseconds(300)));

        await call.HangUpAsync(", kernel-relayed");
        Assert.Equal(0, await call.Watch.MetricAsync("switchboard_media_kernel_rules"));
    }

    /// <summary>One packet each way, then one more from the caller; waits (bounded) until both directions are in the kernel.</summary>
    private static async Task HandToKernelAsync(MediaSessionWatch watch, RtpEndpoint caller, RtpEndpoint callee, IPEndPoint toCallee, IPEndPoint toCaller, ushort sequence)
    {
        foreach (var (from, to, target) in new[] { (caller, callee, toCallee), (callee, caller, toCaller), (caller, callee, toCallee) })
        {
            var arriving = to.ReceiveAsync(1, ReceiveLimit);
            await from.SendAsync(target, sequence++, 1);
            Assert.Single(await arriving);
        }

        for (var attempt = 0; attempt < 50 && await watch.MetricAsync("switchboard_media_kernel_rules") < 2; attempt++)
            await Task.Delay(100);
        Assert.Equal(2, await watch.MetricAsync("switchboard_media_kernel_rules"));
    }

    /// <summary>
    /// A late offer answered with 100rel (RFC 3262): the callee offers in a reliable 183, the caller answers in the
    /// PRACK; both must reach the relay (the callee's SIPp checks that the PRACK's SDP names the relay) and RTP then
    /// flows both ways. The relay's first offerer is the callee here, so its "caller" side faces the WAN phone.
    /// </summary>
    public static async Task ReliableProvisionalOfferAsync(SwitchboardDeployment deployment, IReadOnlyList<string> sessionApis)
    {
        using var caller = RtpEndpoint.BindEven(MediaRelayDeployment.LanAddress);
        using var callee = RtpEndpoint.BindEven("127.0.0.1");
        using var watch = new MediaSessionWatch(sessionApis);
        var (calleeSip, callId) = (FreePorts.Next(), MediaSipp.NewCallId("prack"));
        await SippPeer.RegisterAsync(deployment, "bob", calleeSip);
        var calleeRun = await MediaSipp.StartCalleeAsync(deployment, "media_uas_100rel.xml", calleeSip, ("rtp1", callee.Port));
        var callerRun = MediaSipp.StartCaller(deployment, "media_uac_100rel.xml", callId, caller.Port);

        var (_, stream) = await watch.WaitForStreamAsync(callId,
            s => MediaSessionWatch.Peer(s, "caller") == callee.EndPoint.ToString() && MediaSessionWatch.Peer(s, "callee") == caller.EndPoint.ToString(),
            "the 183's offer and the PRACK's answer in the relay", callerRun, calleeRun);
        // RelayPorts names the relay's legs: its "caller" (first offerer) is the WAN callee here, so the ports swap.
        var (facingCallee, facingCaller) = RelayPorts(stream);
        await ExchangeAsync(caller, callee, toCallee: facingCaller, toCaller: facingCallee, 4000);

        await MediaSipp.SendTriggerAsync(deployment, calleeRun, calleeSip, callId, 1); // the callee hangs up
        SippPeer.AssertOneSuccessfulCall(await callerRun, "caller (LAN, late offer, 100rel)");
        SippPeer.AssertOneSuccessfulCall(await calleeRun, "callee (WAN, offer in a reliable 183)");
        await watch.WaitGoneAsync(callId, TimeSpan.FromSeconds(10), "after the BYE");
    }

    /// <summary>
    /// A relayed call whose phones send no RTP: the relay session goes after <paramref name="mediaTimeout"/> of
    /// silence (not before), counted in <c>switchboard_media_sessions_timed_out_total</c>, its sockets closed; the
    /// call itself goes on and ends with the callee's BYE (the proxy does not end calls on a media timeout).
    /// </summary>
    public static async Task SilentCallLosesItsRelayAsync(SwitchboardDeployment deployment, IReadOnlyList<string> sessionApis, TimeSpan mediaTimeout)
    {
        using var caller = RtpEndpoint.BindEven(MediaRelayDeployment.LanAddress);
        using var callee = RtpEndpoint.BindEven("127.0.0.1");
        using var watch = new MediaSessionWatch(sessionApis);
        var (calleeSip, callId) = (FreePorts.Next(), MediaSipp.NewCallId("silent"));
        var timedOutBefore = await watch.TimedOutTotalAsync();
        await SippPeer.RegisterAsync(deployment, "bob", calleeSip);
        var calleeRun = await MediaSipp.StartCalleeAsync(deployment, "media_uas_trigger.xml", calleeSip, ("rtp1", callee.Port));
        var callerRun = MediaSipp.StartCaller(deployment, "media_uac_wait.xml", callId, caller.Port);

        var (_, stream) = await watch.WaitForStreamAsync(callId,
            s => MediaSessionWatch.Peer(s, "callee") == callee.EndPoint.ToString(), "the callee's answer in the relay", callerRun, calleeRun);
        var lastActivity = (await watch.HoldersAsync(callId)).Single().Session.GetProperty("lastActivityAt").GetDateTimeOffset();
        var gone = await watch.WaitGoneAsync(callId, mediaTimeout + TimeSpan.FromSeconds(20), "no RTP for the media timeout");

        Assert.True(gone >= lastActivity + mediaTimeout - TimeSpan.FromMilliseconds(100), $"removed at {gone:O}, last activity {lastActivity:O}");
        Assert.Equal(timedOutBefore + 1, await watch.TimedOutTotalAsync());
        Assert.Equal(0L, stream.GetProperty("packets").GetInt64());
        var (toCallee, _) = RelayPorts(stream);
        var late = callee.ReceiveAsync(1, TimeSpan.FromMilliseconds(500));
        await caller.SendAsync(toCallee, 1, 3);
        Assert.Empty(await late); // the relay's sockets are closed: a late packet goes nowhere

        await MediaSipp.SendTriggerAsync(deployment, calleeRun, calleeSip, callId, 1); // the callee hangs up
        SippPeer.AssertOneSuccessfulCall(await callerRun, "caller (LAN, silent)");
        SippPeer.AssertOneSuccessfulCall(await calleeRun, "callee (WAN, silent)");
    }

    /// <summary>The relay's ports as seen from the phones: (the caller sends to, the callee sends to), on the relay address.</summary>
    public static (IPEndPoint ToCallee, IPEndPoint ToCaller) RelayPorts(System.Text.Json.JsonElement stream) =>
        (new IPEndPoint(IPAddress.Parse(MediaRelayDeployment.RelayAddress), MediaSessionWatch.Port(stream, "caller")),
         new IPEndPoint(IPAddress.Parse(MediaRelayDeployment.RelayAddress), MediaSessionWatch.Port(stream, "callee")));

    /// <summary>A burst each way through the relay; every packet must arrive, in order, unchanged.</summary>
    public static async Task ExchangeAsync(RtpEndpoint caller, RtpEndpoint callee, IPEndPoint toCallee, IPEndPoint toCaller, ushort firstSequence)
    {
        var arriving = callee.ReceiveAsync(Burst, ReceiveLimit);
        await caller.SendAsync(toCallee, firstSequence, Burst);
        Assert.Equal(RtpEndpoint.Sequences(firstSequence, Burst), await arriving);

        var returning = caller.ReceiveAsync(Burst, ReceiveLimit);
        await callee.SendAsync(toCaller, (ushort)(firstSequence + 500), Burst);
        Assert.Equal(RtpEndpoint.Sequences((ushort)(firstSequence + 500), Burst), await returning);
    }
}
