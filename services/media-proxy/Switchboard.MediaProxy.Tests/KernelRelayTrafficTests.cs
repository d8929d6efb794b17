using Xunit;

namespace Switchboard.MediaProxy.Tests;

/// <summary>
/// Every traffic scenario again with kernel forwarding required (root or CAP_BPF + CAP_NET_ADMIN, as CI has), and
/// what is the kernel path's own: once both legs have spoken their streams leave user space, the counters and the
/// activity still see every packet, and a moved leg, a delete or a timeout takes the rules back.
/// </summary>
public class KernelRelayTrafficTests : RelayTrafficTests
{
    public KernelRelayTrafficTests() : this(42200, MediaRelayEngine.Epoll)
    {
    }

    protected KernelRelayTrafficTests(int firstPort, MediaRelayEngine engine)
        : base(firstPort, options => (options.KernelForwarding, options.Engine) = (KernelForwardingMode.Required, engine))
    {
    }

    private const int PacketLength = 172;

    /// <summary>
    /// All, once each; but when a burst meets the hand-over to the kernel, a packet that reaches the relay socket in
    /// the microseconds between the empty-queue check and the rule's install is relayed after newer ones the kernel
    /// took (at 50 packets/s per stream, never in practice).
    /// </summary>
    protected override void AssertBurstDelivered(IEnumerable<ushort> sent, IReadOnlyList<ushort> received) =>
        Assert.Equal(sent.Order(), received.Order());

    /// <summary>One packet each way latches both legs; the caller's second one installs the last rule.</summary>
    private async Task<(int CallerSendsTo, int CalleeSendsTo)> EstablishInKernel(string callId)
    {
        var (callerSendsTo, calleeSendsTo) = Establish(callId, Caller.Port);
        Caller.SendRtp(0, callerSendsTo);
        Assert.Equal((ushort)0, await Callee.ReceiveAsync());
        Callee.SendRtp(0, calleeSendsTo);
        Assert.Equal((ushort)0, await Caller.ReceiveAsync());
        Caller.SendRtp(1, callerSendsTo);
        Assert.Equal((ushort)1, await Callee.ReceiveAsync());
        await KernelRulesReach(2);
        return (callerSendsTo, calleeSendsTo);
    }

    /// <summary>The relay loop installs a rule just after it relayed the packet, so the test may look first.</summary>
    private async Task KernelRulesReach(int expected)
    {
        for (var attempt = 0; attempt < 100 && Relay.Metrics.KernelRules != expected; attempt++)
            await Task.Delay(10);
        Assert.Equal(expected, Relay.Metrics.KernelRules);
    }

    private async Task Exchange(int callerSendsTo, int calleeSendsTo, int first, int count)
    {
        for (var i = first; i < first + count; i++)
        {
            Caller.SendRtp((ushort)i, callerSendsTo);
            Callee.SendRtp((ushort)(20_000 + i), calleeSendsTo);
            Assert.Equal((ushort)i, await Callee.ReceiveAsync());
            Assert.Equal((ushort)(20_000 + i), await Caller.ReceiveAsync());
        }
    }

    [Fact]
    public async Task Latched_streams_are_relayed_by_the_kernel_and_still_counted()
    {
        var (callerSendsTo, calleeSendsTo) = await EstablishInKernel("kernel-1");

        await Exchange(callerSendsTo, calleeSendsTo, 2, 200);

        Assert.Equal(400, Relay.Metrics.KernelPacketsRelayed);
        var session = Relay.GetSession("kernel-1")!;
        Assert.Equal(new MediaCounters(403, 403 * PacketLength, 0), session.Counters);
        Assert.Equal(403, Relay.Metrics.PacketsRelayed);
    }

    [Fact]
    public async Task A_moved_leg_takes_its_stream_back_to_user_space_until_it_has_spoken()
    {
        using var moved = new UdpPeer();
        var (callerSendsTo, calleeSendsTo) = await EstablishInKernel("kernel-2");

        Relay.Update("kernel-2", "a", TestSdp.Audio(moved.Port, version: 2), MediaSide.Wan);
        Assert.Equal(0, Relay.Metrics.KernelRules); // both directions: one sent to the old port

        Callee.SendRtp(2, calleeSendsTo);
        Assert.Equal((ushort)2, await moved.ReceiveAsync());
        moved.SendRtp(3, callerSendsTo);
        Assert.Equal((ushort)3, await Callee.ReceiveAsync());
        Caller.SendRtp(4, callerSendsTo); // the old port: a stranger for the kernel and for the latch
        Assert.True(await Callee.StaysSilentAsync());
        Callee.SendRtp(5, calleeSendsTo);
        Assert.Equal((ushort)5, await moved.ReceiveAsync());
        moved.SendRtp(6, callerSendsTo); // a hand-over waits for a relayed packet with nothing queued behind it
        Assert.Equal((ushort)6, await Callee.ReceiveAsync());
        await KernelRulesReach(2);
        Assert.Equal(1, Relay.GetSession("kernel-2")!.Counters.Drops);
    }

    [Fact]
    public async Task Delete_withdraws_the_rules_and_the_kernel_stops_relaying()
    {
        var (callerSendsTo, _) = await EstablishInKernel("kernel-3");

        Assert.True(Relay.Delete("kernel-3"));

        Assert.Equal(0, Relay.Metrics.KernelRules);
        Caller.SendRtp(2, callerSendsTo);
        Assert.True(await Callee.StaysSilentAsync());
    }

    [Fact]
    public async Task Media_relayed_by_the_kernel_keeps_the_session_alive_and_silence_still_ends_it()
    {
        var timedOut = new List<MediaSessionTimedOut>();
        Relay.SessionTimedOut += timedOut.Add;
        var (callerSendsTo, calleeSendsTo) = await EstablishInKernel("kernel-4");

        for (var second = 0; second < 90; second += 30)
        {
            Time.Advance(TimeSpan.FromSeconds(30));
            await Exchange(callerSendsTo, calleeSendsTo, 10 + second, 5);
        }
        Time.Advance(TimeSpan.FromSeconds(5)); // a sweep harvests what the kernel relayed

        Assert.Empty(timedOut);
        Time.Advance(TimeSpan.FromSeconds(65));
        Assert.Equal("kernel-4", Assert.Single(timedOut).CallId);
        Assert.Equal(0, Relay.Metrics.KernelRules);
    }
}

/// <summary>The same with the async engine, which offers its sockets to the kernel path from its receive loops.</summary>
public sealed class KernelAsyncRelayTrafficTests() : KernelRelayTrafficTests(42300, MediaRelayEngine.Async);
