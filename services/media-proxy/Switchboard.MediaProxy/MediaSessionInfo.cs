namespace Switchboard.MediaProxy;

/// <summary>A snapshot of one session for queries (gRPC, admin pages).</summary>
public sealed record MediaSessionInfo(string CallId, string CallerTag, string? CalleeTag,
    IReadOnlyList<MediaStreamInfo> Streams, MediaCounters Counters, DateTimeOffset CreatedAt, DateTimeOffset LastActivityAt);
