using System.Threading.Channels;
using Microsoft.Extensions.Options;
using Switchboard.Contracts;

namespace Switchboard.Hosting.Bus;

/// <summary>
/// The <see cref="IEventPublisher"/> every service gets: a bounded queue that never blocks the caller
/// (the SIP path must not wait for a broker). When full, the new event is dropped and counted.
/// <see cref="EventDrainService"/> empties it into the bus.
/// </summary>
internal sealed class EventQueue : IEventPublisher
{
    private readonly Channel<object> _channel;
    private readonly EventQueueMetrics _metrics;

    public EventQueue(IOptions<EventQueueOptions> options, EventQueueMetrics metrics)
    {
        if (options.Value.Capacity < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Value.Capacity, "Bus:Queue:Capacity must be at least 1");
        }

        // Wait mode + TryWrite: TryWrite returns false when full, so we know what we dropped.
        _channel = Channel.CreateBounded<object>(new BoundedChannelOptions(options.Value.Capacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
        });
        _metrics = metrics;
    }

    public ChannelReader<object> Reader => _channel.Reader;

    public int Count => _channel.Reader.Count;

    public ValueTask Publish<T>(T evt) where T : class
    {
        ArgumentNullException.ThrowIfNull(evt);
        if (!_channel.Writer.TryWrite(evt))
        {
            _metrics.Dropped.Inc();
        }

        return ValueTask.CompletedTask;
    }
}
