namespace Switchboard.Sip.Uris;

/// <summary>Walks "name[=value]" items split by ';' (parameters) or '&amp;' (headers) without allocating.</summary>
public ref struct UriParameterEnumerator
{
    private readonly ReadOnlySpan<byte> _list;
    private readonly byte _separator;
    private int _next;
    private UriParameter _current;

    public UriParameterEnumerator(ReadOnlySpan<byte> list, byte separator)
    {
        _list = list;
        _separator = separator;
        _next = list.IsEmpty ? -1 : 0;
    }

    public readonly UriParameter Current => _current;

    public readonly UriParameterEnumerator GetEnumerator() => this;

    public bool MoveNext()
    {
        if (_next < 0)
        {
            return false;
        }

        ReadOnlySpan<byte> rest = _list[_next..];
        int stop = rest.IndexOf(_separator);
        ReadOnlySpan<byte> item = stop < 0 ? rest : rest[..stop];
        _next = stop < 0 ? -1 : _next + stop + 1;
        int equals = item.IndexOf((byte)'=');
        _current = equals < 0
            ? new UriParameter(item, default, hasValue: false)
            : new UriParameter(item[..equals], item[(equals + 1)..], hasValue: true);
        return true;
    }
}
