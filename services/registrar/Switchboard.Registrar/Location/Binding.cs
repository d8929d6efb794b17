namespace Switchboard.Registrar.Location;

/// <summary>One AOR → contact binding. Immutable: every change makes a new instance, so the store can
/// tell changed bindings apart by reference.</summary>
/// <param name="ContactUri">The Contact URI text exactly as received; the binding key within its AOR.</param>
/// <param name="InstanceId">RFC 5626 <c>+sip.instance</c>, or null.</param>
/// <param name="RegId">RFC 5626 <c>reg-id</c>; only kept together with an instance.</param>
/// <param name="Path">RFC 3327 Path values in received order (top first).</param>
/// <param name="RegisteredAt">When this contact was first bound (survives refreshes).</param>
/// <param name="UpdatedAt">When it was last registered or refreshed; newest first among equal q.</param>
public sealed record Binding(
    string Aor,
    string ContactUri,
    QValue Q,
    DateTimeOffset ExpiresAt,
    string CallId,
    long CSeq,
    string? InstanceId,
    long? RegId,
    IReadOnlyList<string> Path,
    Flow Flow,
    IReadOnlyList<KeyValuePair<string, string?>> OtherParams,
    DateTimeOffset RegisteredAt,
    DateTimeOffset UpdatedAt)
{
    public bool IsExpiredAt(DateTimeOffset now) => ExpiresAt <= now;

    /// <summary>Whole seconds left, rounded up so a binding with 0.3 s left is not listed as expires=0.</summary>
    public long RemainingSeconds(DateTimeOffset now)
    {
        var ticks = (ExpiresAt - now).Ticks;
        return ticks <= 0 ? 0 : (ticks + TimeSpan.TicksPerSecond - 1) / TimeSpan.TicksPerSecond;
    }
}
