namespace Switchboard.Hosting.Bus;

/// <summary>The "Bus" section: <c>Bus:Transport=RabbitMq</c> selects RabbitMQ, anything else the in-memory bus.</summary>
public sealed class BusOptions
{
    public const string SectionName = "Bus";
    public const string RabbitMqTransport = "RabbitMq";

    public string Transport { get; set; } = "InMemory";

    public RabbitMqBusOptions RabbitMq { get; set; } = new();

    /// <summary>In-memory bus only: do not publish events that no registered consumer accepts (see <see cref="InMemoryEventSink"/>).</summary>
    public bool SkipUnconsumedInMemory { get; set; } = true;

    /// <summary>The queue between <see cref="Switchboard.Contracts.IEventPublisher"/> callers and the bus.</summary>
    public EventQueueOptions Queue { get; set; } = new();

    public bool UsesRabbitMq => string.Equals(Transport, RabbitMqTransport, StringComparison.OrdinalIgnoreCase);
}
