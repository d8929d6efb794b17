using System.Text.Json;
using Switchboard.IntegrationTests.Calls;
using Switchboard.IntegrationTests.Infrastructure;

namespace Switchboard.IntegrationTests.Media;

/// <summary>
/// A LAN caller's relayed call to a WAN callee that later re-INVITEs with its media on a second port (SIPp
/// <c>media_uac_reinvited.xml</c> / <c>media_uas_reinvite.xml</c>): the phones' RTP sockets, both SIPp runs and the
/// watch on the relay's session, for the flows that differ only in what they check in between.
/// </summary>
internal sealed class ReinvitedCall : IDisposable
{
    private readonly SwitchboardDeployment _deployment;
    private readonly int _calleeSip = FreePorts.Next();
    private Task<ExternalTool.Result>? _callee;
    private Task<ExternalTool.Result>? _caller;

    private ReinvitedCall(SwitchboardDeployment deployment, IReadOnlyList<string> sessionApis, string purpose)
    {
        _deployment = deployment;
        Watch = new MediaSessionWatch(sessionApis);
        CallId = MediaSipp.NewCallId(purpose);
    }

    public RtpEndpoint Caller { get; } = RtpEndpoint.BindEven(MediaRelayDeployment.LanAddress);

    /// <summary>The callee's media until its re-INVITE.</summary>
    public RtpEndpoint First { get; } = RtpEndpoint.BindEven("127.0.0.1");

    /// <summary>The callee's media after its re-INVITE.</summary>
    public RtpEndpoint Moved { get; } = RtpEndpoint.BindEven("127.0.0.1");

    public MediaSessionWatch Watch { get; }

    public string CallId { get; }

    /// <summary>The session API of the relay instance that holds the call.</summary>
    public string Holder { get; private set; } = "";

    /// <summary>The relay's stream as the callee's answer left it.</summary>
    public JsonElement Answered { get; private set; }

    /// <summary>Registers the callee, starts both phones and waits until the relay has the callee's answer.</summary>
    public static async Task<ReinvitedCall> StartAsync(
        SwitchboardDeployment deployment, IReadOnlyList<string> sessionApis, string purpose)
    {
        var call = new ReinvitedCall(deployment, sessionApis, purpose);
        try
        {
            await SippPeer.RegisterAsync(deployment, "bob", call._calleeSip);
            call._callee = await MediaSipp.StartCalleeAsync(deployment, "media_uas_reinvite.xml", call._calleeSip,
                ("rtp1", call.First.Port), ("rtp2", call.Moved.Port));
            call._caller = MediaSipp.StartCaller(deployment, "media_uac_reinvited.xml", call.CallId, call.Caller.Port);
            (call.Holder, call.Answered) = await call.WaitForCalleeAtAsync(call.First, "the callee's answer in the relay");
            return call;
        }
        catch
        {
            call.Dispose();
            throw;
        }
    }

    /// <summary>The callee re-INVITEs with its media on <see cref="Moved"/>; returns the relay's session once it has it.</summary>
    public async Task<(string Holder, JsonElement Stream)> MoveCalleeAsync()
    {
        await MediaSipp.SendTriggerAsync(_deployment, _callee!, _calleeSip, CallId, 1);
        return await WaitForCalleeAtAsync(Moved, "the re-INVITE's new port in the relay");
    }

    /// <summary>The relay's stream as it is now.</summary>
    public Task<(string Holder, JsonElement Stream)> StreamAsync() =>
        Watch.WaitForStreamAsync(CallId, _ => true, "the session", _caller!, _callee!);

    /// <summary>The callee hangs up; both calls must have succeeded and the relay session must go.</summary>
    public async Task HangUpAsync(string how)
    {
        await MediaSipp.SendTriggerAsync(_deployment, _callee!, _calleeSip, CallId, 2);
        SippPeer.AssertOneSuccessfulCall(await _caller!, $"caller (LAN{how})");
        SippPeer.AssertOneSuccessfulCall(await _callee!, $"callee (WAN, re-INVITE{how})");
        await Watch.WaitGoneAsync(CallId, TimeSpan.FromSeconds(10), "after the BYE");
    }

    public void Dispose()
    {
        Caller.Dispose();
        First.Dispose();
        Moved.Dispose();
        Watch.Dispose();
    }

    private Task<(string Holder, JsonElement Stream)> WaitForCalleeAtAsync(RtpEndpoint media, string what) =>
        Watch.WaitForStreamAsync(CallId, s => MediaSessionWatch.Peer(s, "callee") == media.EndPoint.ToString(), what, _caller!, _callee!);
}
