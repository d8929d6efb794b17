namespace Switchboard.Proxy.Calls;

/// <summary>One call the proxy routed: who, since when, and whether answered (and record-routed, so its BYE passes us).</summary>
internal sealed class CallRecord(string callId, string from, string to, DateTimeOffset startedAt)
{
    public string CallId { get; } = callId;

    public string From { get; } = from;

    public string To { get; } = to;

    public DateTimeOffset StartedAt { get; } = startedAt;

    public DateTimeOffset? AnsweredAt { get; set; }

    public bool RecordRouted { get; set; }
}
