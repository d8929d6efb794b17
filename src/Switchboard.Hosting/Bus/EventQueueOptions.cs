namespace Switchboard.Hosting.Bus;

/// <summary>Bounds of the event queue (<c>Bus:Queue:*</c>).</summary>
public sealed class EventQueueOptions
{
    /// <summary>Events waiting for the bus; beyond this new events are dropped and counted.</summary>
    public int Capacity { get; set; } = 10_000;

    /// <summary>First wait after a failed publish; doubles up to <see cref="MaxBackoff"/>.</summary>
    public TimeSpan InitialBackoff { get; set; } = TimeSpan.FromMilliseconds(200);

    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromSeconds(30);
}
