namespace Switchboard.Sip;

/// <summary>
/// A byte range inside a message buffer. <see cref="None"/> (start -1) marks an absent item, so an empty but present
/// value (e.g. <c>Subject:</c>) is distinguishable from a missing one.
/// </summary>
public readonly record struct SipRange(int Start, int Length)
{
    public static SipRange None => new(-1, 0);

    public int End => Start + Length;

    public bool IsPresent => Start >= 0;

    public bool IsEmpty => Length == 0;

    /// <summary>The bytes of this range in <paramref name="buffer"/>; empty when absent.</summary>
    public ReadOnlySpan<byte> Of(ReadOnlySpan<byte> buffer) => Start < 0 ? default : buffer.Slice(Start, Length);

    internal static SipRange FromBounds(int start, int end) => new(start, end - start);
}
