using System.Globalization;

namespace Switchboard.RelayBench;

/// <summary>
/// Command line: <c>--streams N</c> relayed streams (each two directions), <c>--seconds S</c> (capped at 10),
/// <c>--rate R</c> packets/s per direction (0 = as fast as a window of <c>--window W</c> packets in flight per
/// direction allows), <c>--direct</c> (peers talk without the relay: the baseline to subtract), <c>--rtpengine
/// 127.0.0.1:22222</c> (relay through a running rtpengine instead, set up over its NG protocol), <c>--relay-pid P</c>
/// (add that process's CPU time, read from /proc, to the measured CPU: the external relay's share), <c>--engine
/// async|epoll</c> (Switchboard's relay engine; default: the relay's own default), <c>--threads N</c> (epoll loops),
/// <c>--kernel</c> (Switchboard's relay with kernel forwarding required: latched streams relayed by its eBPF program),
/// <c>--blast N</c> (one thread sends batches with sendmmsg and drains with recvmmsg, N packets/s in all, 0 = flat out:
/// with <c>taskset -c 0</c> the generator, the relay and the kernel's delivery all share one core).
/// </summary>
internal sealed record BenchOptions(int Streams, double Seconds, int Rate, int Window, bool Direct, System.Net.IPEndPoint? RtpEngine, int RelayPid,
    Switchboard.MediaProxy.MediaRelayEngine? Engine, int Threads, bool Kernel, int? Blast)
{
    public const int PacketSize = 200;
    public const double MaxSeconds = 10;

    public static BenchOptions Parse(string[] args)
    {
        int streams = 1, rate = 0, window = 4;
        double seconds = 5;
        var direct = false;
        var kernel = false;
        int? blast = null;
        System.Net.IPEndPoint? rtpEngine = null;
        var relayPid = 0;
        var threads = 1;
        Switchboard.MediaProxy.MediaRelayEngine? engine = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--streams": streams = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--seconds": seconds = double.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--rate": rate = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--window": window = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--direct": direct = true; break;
                case "--kernel": kernel = true; break;
                case "--blast": blast = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--relay-pid": relayPid = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--rtpengine": rtpEngine = System.Net.IPEndPoint.Parse(args[++i]); break;
                case "--engine": engine = Enum.Parse<Switchboard.MediaProxy.MediaRelayEngine>(args[++i], ignoreCase: true); break;
                case "--threads": threads = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                default: throw new ArgumentException($"unknown argument '{args[i]}'");
            }
        }

        if (streams is < 1 or > 2000 || window is < 1 or > 64 || rate is < 0 or > 10_000 || threads is < 1 or > 16)
            throw new ArgumentException("--streams 1..2000, --window 1..64, --rate 0..10000, --threads 1..16");
        return new BenchOptions(streams, Math.Clamp(seconds, 0.5, MaxSeconds), rate, window, direct, rtpEngine, relayPid,
            engine, threads, kernel, blast);
    }
}
