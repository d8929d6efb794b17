using System.Diagnostics;
using System.Text;
using Microsoft.Extensions.Options;
using Switchboard.MediaProxy;

namespace Switchboard.RelayBench;

/// <summary>Sets up N relayed streams (two phones each), drives them, and measures one window after a warm-up.</summary>
internal sealed class RelayBenchRun(BenchOptions options) : IDisposable
{
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(1);
    private readonly LatencyHistogram _latency = new();
    private readonly List<Peer> _peers = [];
    private readonly List<string> _externalCalls = [];
    private readonly RtpEngineClient? _rtpEngine = options.RtpEngine is { } ng ? new RtpEngineClient(ng) : null;
    private readonly MediaRelay? _relay = options.Direct || options.RtpEngine is not null ? null : CreateRelay(options);
    private BlastLoad? _blast; // set once by Run: it needs the peers Connect made

    public async Task<BenchResult> Run()
    {
        for (var i = 0; i < options.Streams; i++)
            Connect(i);
        using var stop = new CancellationTokenSource();
        _blast = options.Blast is { } blastRate ? new BlastLoad(_peers, _latency, blastRate) : null;
        var loops = _blast is not null ? [] : _peers.Select(p => Task.Run(() => p.ReceiveLoop(stop.Token))).ToArray();
        var pacer = _blast is { } blast ? Task.Factory.StartNew(() => blast.Run(stop.Token), TaskCreationOptions.LongRunning)
            : options.Rate > 0 ? Task.Run(() => Pace(stop.Token)) : Task.Run(() => RunWindows(stop.Token));

        await Task.Delay(WarmUp);
        _latency.Clear();
        var process = Process.GetCurrentProcess();
        var (cpu0, relayCpu0, machine0, wall0, received0, relayed0) = (Cpu(process), RelayCpu(), ExternalCpu.Machine(), Stopwatch.GetTimestamp(), Received(), Relayed());
        await Task.Delay(TimeSpan.FromSeconds(options.Seconds));
        process.Refresh(); // TotalProcessorTime is cached per Process object
        var (cpu1, relayCpu1, machine1, wall, received1, relayed1) = (Cpu(process), RelayCpu(), ExternalCpu.Machine(), Stopwatch.GetElapsedTime(wall0), Received(), Relayed());
        var lost = (_blast?.Sent ?? _peers.Sum(p => p.Sent)) - received1;

        stop.Cancel();
        await pacer.WaitAsync(TimeSpan.FromSeconds(5)); // the blast thread uses the sockets' fds: stopped before they close
        foreach (var peer in _peers)
            peer.Dispose();
        await Task.WhenAll(loops).WaitAsync(TimeSpan.FromSeconds(5));
        return new BenchResult(received1 - received0, relayed1 - relayed0, wall, cpu1 - cpu0, relayCpu1 - relayCpu0, machine1 - machine0, lost,
            _latency.Percentile(0.50), _latency.Percentile(0.99), _latency.Percentile(0.999));
    }

    private void Connect(int index)
    {
        var caller = new Peer(_latency);
        var callee = new Peer(_latency);
        caller.Partner = callee;
        callee.Partner = caller;
        _peers.Add(caller);
        _peers.Add(callee);
        if (_rtpEngine is not null)
        {
            var callIdExt = $"bench-{index}-{Environment.ProcessId}";
            _externalCalls.Add(callIdExt);
            var offered = _rtpEngine.Offer(callIdExt, "caller", Encoding.ASCII.GetString(Sdp(caller.Port)));
            var answered = _rtpEngine.Answer(callIdExt, "caller", "callee", Encoding.ASCII.GetString(Sdp(callee.Port)));
            caller.Target(AudioPort(Encoding.ASCII.GetBytes(answered)));
            callee.Target(AudioPort(Encoding.ASCII.GetBytes(offered)));
            return;
        }

        if (_relay is null)
        {
            caller.Target(callee.Port);
            callee.Target(caller.Port);
            return;
        }

        var callId = $"bench-{index}";
        var offer = _relay.Offer(callId, "caller", Sdp(caller.Port), MediaSide.Wan);
        var answer = _relay.Answer(callId, "caller", "callee", Sdp(callee.Port), MediaSide.Lan);
        if (offer.Status != MediaRelayStatus.Relayed || answer.Status != MediaRelayStatus.Relayed)
            throw new InvalidOperationException($"stream {index}: offer {offer.Status}, answer {answer.Status} ({offer.Error ?? answer.Error})");
        caller.Target(AudioPort(answer.Sdp));
        callee.Target(AudioPort(offer.Sdp));
    }

    // Window mode: each direction starts with W packets; every arrival sends the next one on that direction. A
    // direction silent for 200 ms lost its window (a relay may drop packets before it has latched): refill it.
    private async Task RunWindows(CancellationToken stop)
    {
        foreach (var peer in _peers)
            peer.Echo = true;
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        do
        {
            foreach (var receiver in _peers.Where(p => p.Silent > TimeSpan.FromMilliseconds(200) || p.Received == 0 && p.Partner!.Sent == 0))
            {
                for (var i = 0; i < options.Window; i++)
                    receiver.Partner!.Send();
            }
        }
        while (await WaitTick(timer, stop));
    }

    private static async Task<bool> WaitTick(PeriodicTimer timer, CancellationToken stop)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stop);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    // Paced mode: every 20 ms each phone sends rate/50 packets (G.711 at 20 ms ptime is rate 50).
    private async Task Pace(CancellationToken stop)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(20));
        var perTick = Math.Max(1, options.Rate / 50);
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                foreach (var peer in _peers)
                {
                    for (var i = 0; i < perTick; i++)
                        peer.Send();
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private TimeSpan Cpu(Process self) => self.TotalProcessorTime + ExternalCpu.Of(options.RelayPid);

    /// <summary>
    /// The relay's own CPU: rtpengine's process, or the epoll engine's loop threads; null when it cannot be told
    /// apart from the load generator (the async engine relays on thread-pool threads; direct has no relay).
    /// </summary>
    private TimeSpan? RelayCpu() => options.RelayPid > 0 ? ExternalCpu.Of(options.RelayPid)
        : _relay is not null && !options.Kernel && options.Engine != MediaRelayEngine.Async && OperatingSystem.IsLinux() ? ExternalCpu.OfOwnThreads("relay-epoll")
        : null;

    private long Received() => _blast?.Received ?? _peers.Sum(p => p.Received);

    private long Relayed() => _relay?.Metrics.PacketsRelayed ?? 0;

    private static byte[] Sdp(int port) => Encoding.ASCII.GetBytes(
        $"v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio {port} RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\n");

    private static int AudioPort(ReadOnlyMemory<byte> sdp)
    {
        var text = Encoding.ASCII.GetString(sdp.Span);
        var start = text.IndexOf("m=audio ", StringComparison.Ordinal) + 8;
        return int.Parse(text.AsSpan(start, text.IndexOf(' ', start) - start), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static MediaRelay CreateRelay(BenchOptions options)
    {
        var relayOptions = new MediaRelayOptions
        {
            PortRangeStart = 24000, PortRangeEnd = 27999, BindAddress = "127.0.0.1",
            LanAddress = "127.0.0.1", WanAddress = "127.0.0.1",
            MediaTimeout = TimeSpan.FromMinutes(5), PortReleaseDelay = TimeSpan.Zero,
            RelayThreads = options.Threads,
            KernelForwarding = options.Kernel ? KernelForwardingMode.Required : KernelForwardingMode.Off,
        };
        if (options.Engine is { } engine)
            relayOptions.Engine = engine;
        return new MediaRelay(Options.Create(relayOptions), TimeProvider.System);
    }

    public void Dispose()
    {
        _blast?.Dispose();
        foreach (var peer in _peers)
            peer.Dispose();
        _relay?.Dispose();
        foreach (var callId in _externalCalls)
            _rtpEngine?.Delete(callId);
        _rtpEngine?.Dispose();
    }
}
