namespace Switchboard.Sip.Uris;

/// <summary>A component of a URI as a range of its bytes; <see cref="Start"/> is -1 when the component is absent.</summary>
public readonly record struct UriRange(int Start, int Length)
{
    public static UriRange Absent => new(-1, 0);

    public bool IsPresent => Start >= 0;

    public ReadOnlySpan<byte> Of(ReadOnlySpan<byte> text) => Start < 0 ? default : text.Slice(Start, Length);
}
