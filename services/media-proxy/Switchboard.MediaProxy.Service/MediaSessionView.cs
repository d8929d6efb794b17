namespace Switchboard.MediaProxy.Service;

/// <summary>One session as <c>GET /api/media/sessions</c> shows it (JSON; endpoints as "address:port" text).</summary>
public sealed record MediaSessionView(string InstanceId, string CallId, string CallerTag, string? CalleeTag,
    DateTimeOffset CreatedAt, DateTimeOffset LastActivityAt, long Packets, long Bytes, long Drops,
    IReadOnlyList<MediaStreamView> Streams)
{
    public static MediaSessionView From(string instanceId, MediaSessionInfo info) => new(instanceId, info.CallId,
        info.CallerTag, info.CalleeTag, info.CreatedAt, info.LastActivityAt, info.Counters.Packets, info.Counters.Bytes,
        info.Counters.Drops, info.Streams.Select(MediaStreamView.From).ToArray());
}
