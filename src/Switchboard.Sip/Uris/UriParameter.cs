namespace Switchboard.Sip.Uris;

/// <summary>One uri-parameter or header of a URI, still escaped; <see cref="HasValue"/> is false for "lr"-style flags.</summary>
public readonly ref struct UriParameter(ReadOnlySpan<byte> name, ReadOnlySpan<byte> value, bool hasValue)
{
    public ReadOnlySpan<byte> Name { get; } = name;

    public ReadOnlySpan<byte> Value { get; } = value;

    public bool HasValue { get; } = hasValue;

    /// <summary>True when the unescaped name equals <paramref name="name"/>, ignoring ASCII case.</summary>
    public bool NameIs(ReadOnlySpan<byte> name) => PercentEncoding.EqualsDecoded(Name, name, ignoreCase: true);
}
