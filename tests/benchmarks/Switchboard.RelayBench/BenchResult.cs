using System.Globalization;

namespace Switchboard.RelayBench;

/// <summary>Figures of the measured window.</summary>
internal sealed record BenchResult(long Received, long Relayed, TimeSpan Wall, TimeSpan Cpu, TimeSpan? RelayCpu, TimeSpan MachineCpu, long Lost,
    double P50Micros, double P99Micros, double P999Micros)
{
    public double PacketsPerSecond => Received / Wall.TotalSeconds;

    /// <summary>Process CPU (relay + load generator) per 1,000 packets delivered, in milliseconds.</summary>
    public double CpuMsPer1000 => Received == 0 ? double.NaN : Cpu.TotalMilliseconds * 1000 / Received;

    /// <summary>
    /// The relay's own CPU per relayed packet, in microseconds (rtpengine: per delivered packet, each went through it
    /// once); NaN when the relay's CPU cannot be separated from the generator's.
    /// </summary>
    public double RelayMicrosPerPacket => RelayCpu is not { } cpu ? double.NaN
        : cpu.TotalMicroseconds / Math.Max(1, Relayed > 0 ? Relayed : Received);

    /// <summary>
    /// The whole machine's busy CPU (every process, kernel and softirq included) per delivered packet, in
    /// microseconds: the only figure that also sees a relay working inside the kernel. Minus the direct run's
    /// figure, it is what relaying costs.
    /// </summary>
    public double MachineMicrosPerPacket => Received == 0 ? double.NaN : MachineCpu.TotalMicroseconds / Received;

    public const string Header =
        "| relay | streams | mode | delivered pkts/s | CPU ms / 1,000 pkts (all) | relay µs/pkt (own CPU) | machine µs/pkt | p50 µs | p99 µs | p99.9 µs | lost |";

    public string Describe(BenchOptions o) => string.Create(CultureInfo.InvariantCulture,
        $"| {(o.Direct ? "direct" : o.RtpEngine is not null ? "rtpengine" : o.Kernel ? "switchboard kernel" : $"switchboard {o.Engine?.ToString().ToLowerInvariant() ?? "default"}")} | {o.Streams} | {(o.Blast is { } blast ? blast > 0 ? $"blast {blast:N0} pps" : "blast flat out" : o.Rate > 0 ? $"{o.Rate} pps/dir" : $"window {o.Window}")} "
        + $"| {PacketsPerSecond:N0} | {CpuMsPer1000:F2} | {RelayMicrosPerPacket:F2} | {MachineMicrosPerPacket:F2} | {P50Micros:N0} | {P99Micros:N0} | {P999Micros:N0} | {Lost} |"
        + $"  (wall {Wall.TotalSeconds:F1} s, cpu {Cpu.TotalSeconds:F2} s, relay counted {Relayed:N0})");
}
