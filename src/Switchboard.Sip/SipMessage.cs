using System.Text;

namespace Switchboard.Sip;

/// <summary>
/// A parsed SIP message: the caller's buffer plus offsets. Reusable: <see cref="Parsing.SipParser"/> parses into an
/// existing instance and reuses its header index array, so the hot path allocates nothing. The instance refers to the
/// caller's buffer and is valid only while that buffer is. Typed header values are read lazily (see the partial files).
/// </summary>
public sealed partial class SipMessage
{
    private const int KindCount = (int)HeaderKind.MaxBreadth + 1;

    private SipHeader[] _headers;
    private int _headerCount;
    private readonly short[] _firstIndex = new short[KindCount];

    public SipMessage(int initialHeaderCapacity = 32)
    {
        _headers = new SipHeader[Math.Max(4, initialHeaderCapacity)];
        Clear(default);
    }

    /// <summary>The framed message: start line to end of body (trailing datagram bytes are not part of it).</summary>
    public ReadOnlyMemory<byte> Buffer { get; private set; }

    public ReadOnlySpan<byte> Span => Buffer.Span;

    public bool IsRequest { get; internal set; }

    public bool IsResponse => !IsRequest && StatusCode != 0;

    public SipMethod Method { get; internal set; }

    /// <summary>The method token as received (the only record of an unknown method's name).</summary>
    public SipRange MethodRange { get; internal set; }

    public SipRange RequestUri { get; internal set; }

    /// <summary>The SIP-Version of the start line, e.g. <c>SIP/2.0</c>.</summary>
    public SipRange Version { get; internal set; }

    /// <summary>True when the version is SIP/2.0; other versions parse but the validator answers 505.</summary>
    public bool IsSip20 { get; internal set; }

    public int StatusCode { get; internal set; }

    public SipRange ReasonPhrase { get; internal set; }

    /// <summary>Offset of the empty line's end: where the body starts.</summary>
    public int HeaderSectionLength { get; internal set; }

    public SipRange Body { get; internal set; }

    /// <summary>False for datagrams framed without Content-Length (RFC 2543 style, inv2543).</summary>
    public bool HasContentLength { get; internal set; }

    public ReadOnlySpan<SipHeader> Headers => _headers.AsSpan(0, _headerCount);

    public int HeaderCount => _headerCount;

    public ReadOnlySpan<byte> GetSpan(SipRange range) => range.Of(Buffer.Span);

    /// <summary>Decodes a range as UTF-8 (for logs, events, gRPC), or null when absent. Allocates.</summary>
    public string? GetString(SipRange range) => range.IsPresent ? Encoding.UTF8.GetString(GetSpan(range)) : null;

    public ReadOnlySpan<byte> GetValue(in SipHeader header) => header.Value.Of(Buffer.Span);

    public ReadOnlySpan<byte> GetName(in SipHeader header) => header.Name.Of(Buffer.Span);

    public bool TryGetFirst(HeaderKind kind, out SipHeader header)
    {
        var index = _firstIndex[(int)kind];
        if (index < 0 || kind == HeaderKind.Unknown)
        {
            header = default;
            return false;
        }

        header = _headers[index];
        return true;
    }

    public bool Contains(HeaderKind kind) => kind != HeaderKind.Unknown && _firstIndex[(int)kind] >= 0;

    public int Count(HeaderKind kind)
    {
        var first = _firstIndex[(int)kind];
        if (first < 0)
        {
            return 0;
        }

        var count = 0;
        foreach (ref readonly var h in Headers[first..])
        {
            if (h.Kind == kind)
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>Every index entry of <paramref name="kind"/>, in message order.</summary>
    public HeaderEnumerator GetHeaders(HeaderKind kind) => new(Headers, kind);

    /// <summary>First header with this exact name (case-insensitive), for unknown or extension headers.</summary>
    public bool TryGetHeader(ReadOnlySpan<byte> name, out SipHeader header)
    {
        foreach (ref readonly var h in Headers)
        {
            if (Ascii.EqualsIgnoreCase(h.Name.Of(Buffer.Span), name))
            {
                header = h;
                return true;
            }
        }

        header = default;
        return false;
    }

    /// <summary>Empties the message and points it at <paramref name="buffer"/>; called by the parser.</summary>
    internal void Clear(ReadOnlyMemory<byte> buffer)
    {
        Buffer = buffer;
        _headerCount = 0;
        _firstIndex.AsSpan().Fill(-1);
        IsRequest = false;
        IsSip20 = false;
        Method = SipMethod.None;
        MethodRange = SipRange.None;
        RequestUri = SipRange.None;
        Version = SipRange.None;
        StatusCode = 0;
        ReasonPhrase = SipRange.None;
        HeaderSectionLength = 0;
        Body = SipRange.None;
        HasContentLength = false;
        ResetTypedCache();
    }

    internal void SetFramedLength(int length) => Buffer = Buffer[..length];

    internal bool AddHeader(HeaderKind kind, SipRange name, SipRange value, int maxHeaders)
    {
        if (_headerCount >= maxHeaders)
        {
            return false;
        }

        if (_headerCount == _headers.Length)
        {
            Array.Resize(ref _headers, Math.Min(_headers.Length * 2, Math.Max(maxHeaders, 4)));
        }

        if (_firstIndex[(int)kind] < 0)
        {
            _firstIndex[(int)kind] = (short)_headerCount;
        }

        _headers[_headerCount++] = new SipHeader(kind, name, value);
        return true;
    }

    /// <summary>Allocation-free enumerator over the index entries of one kind.</summary>
    public ref struct HeaderEnumerator
    {
        private readonly ReadOnlySpan<SipHeader> _headers;
        private readonly HeaderKind _kind;
        private int _index;

        internal HeaderEnumerator(ReadOnlySpan<SipHeader> headers, HeaderKind kind)
        {
            _headers = headers;
            _kind = kind;
            _index = -1;
        }

        public readonly SipHeader Current => _headers[_index];

        public readonly HeaderEnumerator GetEnumerator() => this;

        public bool MoveNext()
        {
            while (++_index < _headers.Length)
            {
                if (_headers[_index].Kind == _kind)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
