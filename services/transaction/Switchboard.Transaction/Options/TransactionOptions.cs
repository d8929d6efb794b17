namespace Switchboard.Transaction.Options;

/// <summary>RFC 3261 §17 timer values and the transaction layer's limits.</summary>
public sealed class TransactionOptions
{
    /// <summary>RTT estimate; the base of timers A, B, E, F, G, H, J, L, M.</summary>
    public TimeSpan T1 { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Cap on non-INVITE request and INVITE response retransmit intervals.</summary>
    public TimeSpan T2 { get; set; } = TimeSpan.FromSeconds(4);

    /// <summary>Maximum time a message stays in the network; timers I and K.</summary>
    public TimeSpan T4 { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Timer D over unreliable transports (RFC 3261: at least 32 s).</summary>
    public TimeSpan TimerD { get; set; } = TimeSpan.FromSeconds(32);

    /// <summary>Whether an INVITE server transaction sends 100 Trying when the TU has not answered in time.</summary>
    public bool AutoTrying { get; set; } = true;

    /// <summary>How long the INVITE server transaction waits for the TU before its own 100 (RFC 3261 §17.2.1).</summary>
    public TimeSpan TryingDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Timer wheel granularity.</summary>
    public TimeSpan TimerTick { get; set; } = TimeSpan.FromMilliseconds(10);

    /// <summary>Timer wheel slots (rounded up to a power of two).</summary>
    public int TimerSlots { get; set; } = 4096;

    /// <summary>Shards (locks) per transaction table (rounded up to a power of two).</summary>
    public int Shards { get; set; } = 64;

    /// <summary>Server transaction settings (log tag SIPS).</summary>
    public TransactionSideOptions Server { get; set; } = new();

    /// <summary>Client transaction settings (log tag SIPC).</summary>
    public TransactionSideOptions Client { get; set; } = new();

    /// <summary>64*T1: timers B, F, H, J (unreliable), L, M.</summary>
    public TimeSpan Timeout64T1 => T1 * 64;

    /// <summary>Throws when a value makes the timers meaningless.</summary>
    public void Validate()
    {
        if (T1 <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(T1), T1, "T1 must be positive.");
        if (T2 < T1) throw new ArgumentOutOfRangeException(nameof(T2), T2, "T2 must not be below T1.");
        if (T4 <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(T4), T4, "T4 must be positive.");
        if (TimerD < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(TimerD), TimerD, "Timer D must not be negative.");
        if (TryingDelay < TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(TryingDelay), TryingDelay, "TryingDelay must not be negative.");
        if (TimerTick <= TimeSpan.Zero || TimerTick > TimeSpan.FromSeconds(1))
            throw new ArgumentOutOfRangeException(nameof(TimerTick), TimerTick, "TimerTick must be in (0, 1 s].");
        if (TimerSlots is < 16 or > 1 << 20)
            throw new ArgumentOutOfRangeException(nameof(TimerSlots), TimerSlots, "TimerSlots must be 16..1048576.");
        if (Shards is < 1 or > 4096) throw new ArgumentOutOfRangeException(nameof(Shards), Shards, "Shards must be 1..4096.");
        Server.Validate("Server");
        Client.Validate("Client");
    }
}
