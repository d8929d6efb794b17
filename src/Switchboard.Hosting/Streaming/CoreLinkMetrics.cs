using Prometheus;

namespace Switchboard.Hosting.Streaming;

/// <summary>
/// Frames and SIP messages on the edge ↔ SIP core stream, by direction: messages per frame is the batching the
/// link achieves (each frame costs a flush and a wake-up on the other side).
/// </summary>
public sealed class CoreLinkMetrics
{
    public const string ToCore = "to_core";
    public const string ToEdge = "to_edge";

    private readonly Counter.Child _frames;
    private readonly Counter.Child _messages;

    public CoreLinkMetrics(IMetricFactory factory, string direction)
    {
        ArgumentNullException.ThrowIfNull(factory);
        ArgumentException.ThrowIfNullOrWhiteSpace(direction);
        _frames = factory.CreateCounter("switchboard_corelink_frames_total",
            "Frames written on the edge-to-SIP-core stream.", ["direction"]).WithLabels(direction);
        _messages = factory.CreateCounter("switchboard_corelink_messages_total",
            "SIP messages carried in those frames.", ["direction"]).WithLabels(direction);
    }

    public void FrameWritten(int messages)
    {
        _frames.Inc();
        _messages.Inc(messages);
    }
}
