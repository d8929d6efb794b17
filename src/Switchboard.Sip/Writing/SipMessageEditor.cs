using System.Buffers;
using System.Buffers.Text;

namespace Switchboard.Sip.Writing;

/// <summary>
/// Proxy edits over a received <see cref="SipMessage"/>, recorded in an <see cref="EditList"/> against the header
/// index and applied only when written: push/pop Via, pop/prepend Route, add Record-Route, Max-Forwards, new
/// Request-URI, add/remove headers, new body. Removing one value of a comma list keeps the other values (and their
/// separators) intact; removing every value of a line removes the line. Reuse one editor per worker:
/// <see cref="Reset"/> for each message; after warm-up nothing is allocated.
/// </summary>
public sealed partial class SipMessageEditor : IDisposable
{
    private readonly EditList _edits = new();
    private SipMessage? _message;
    private bool[] _removed = new bool[64];

    public EditList Edits => _edits;

    public SipMessage Message => _message ?? throw new InvalidOperationException("Call Reset(message) first.");

    /// <summary>The length of the message once written.</summary>
    public int Length => Message.Span.Length + _edits.LengthDelta;

    public void Reset(SipMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        _message = message;
        _edits.Reset();
        if (_removed.Length < message.HeaderCount)
        {
            _removed = new bool[Math.Max(message.HeaderCount, _removed.Length * 2)];
        }
        else
        {
            _removed.AsSpan(0, message.HeaderCount).Clear();
        }
    }

    /// <summary>Writes the received bytes with the edits applied.</summary>
    public void WriteTo(IBufferWriter<byte> writer) => _edits.WriteTo(Message.Span, writer);

    /// <summary>Inserts "Via: value" above the topmost Via (RFC 3261 §16.6 step 8).</summary>
    public void PushVia(ReadOnlySpan<byte> value) => InsertLine(LineStartOfFirst(HeaderKind.Via), "Via"u8, value);

    /// <summary>Removes the topmost Via value (a response going upstream); false when there is none left.</summary>
    public bool PopVia() => RemoveFirst(HeaderKind.Via);

    /// <summary>Removes the topmost Route value (RFC 3261 §16.4, §16.6 step 6); false when there is none left.</summary>
    public bool PopRoute() => RemoveFirst(HeaderKind.Route);

    /// <summary>Inserts "Route: value" above the existing Route values (pre-loaded route, §16.6 step 7).</summary>
    public void PrependRoute(ReadOnlySpan<byte> value) => InsertLine(LineStartOfFirst(HeaderKind.Route), "Route"u8, value);

    /// <summary>Inserts "Record-Route: value" above the existing Record-Route values (§16.6 step 4).</summary>
    public void AddRecordRoute(ReadOnlySpan<byte> value) =>
        InsertLine(LineStartOfFirst(HeaderKind.RecordRoute), "Record-Route"u8, value);

    /// <summary>Appends "name: value" after the last header.</summary>
    public void AddHeader(ReadOnlySpan<byte> name, ReadOnlySpan<byte> value) => InsertLine(HeaderSectionEnd, name, value);

    /// <summary>Replaces the Request-URI of a request.</summary>
    public void ReplaceRequestUri(ReadOnlySpan<byte> uri)
    {
        SipRange range = Message.RequestUri;
        if (!Message.IsRequest || !range.IsPresent)
        {
            throw new InvalidOperationException("Only a request has a Request-URI.");
        }

        _edits.Replace(range.Start, range.Length, uri);
    }

    /// <summary>
    /// Decrements Max-Forwards, or adds "Max-Forwards: 70" when absent (§16.6 step 3). Nothing is edited when the
    /// value is 0 (answer 483) or malformed (answer 400).
    /// </summary>
    public MaxForwardsResult DecrementMaxForwards(out int newValue)
    {
        newValue = -1;
        if (!Message.TryGetFirst(HeaderKind.MaxForwards, out SipHeader header))
        {
            newValue = 70;
            SetMaxForwards(70);
            return MaxForwardsResult.Added;
        }

        if (!Message.TryGetMaxForwards(out int current))
        {
            return MaxForwardsResult.Invalid;
        }

        if (current == 0)
        {
            return MaxForwardsResult.Exhausted;
        }

        newValue = current - 1;
        ReplaceNumber(header.Value, newValue);
        return MaxForwardsResult.Decremented;
    }

    /// <summary>Sets Max-Forwards to <paramref name="value"/>, adding the header when absent.</summary>
    public void SetMaxForwards(int value)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(value, 255);
        if (Message.TryGetFirst(HeaderKind.MaxForwards, out SipHeader header))
        {
            ReplaceNumber(header.Value, value);
            return;
        }

        Span<byte> digits = stackalloc byte[3];
        Utf8Formatter.TryFormat(value, digits, out int written);
        InsertLine(HeaderSectionEnd, "Max-Forwards"u8, digits[..written]);
    }

    /// <summary>
    /// Replaces the body and writes the matching Content-Length (replacing the old value or adding the header);
    /// a non-empty <paramref name="contentType"/> replaces or adds Content-Type.
    /// </summary>
    public void ReplaceBody(ReadOnlySpan<byte> body, ReadOnlySpan<byte> contentType = default)
    {
        SipMessage message = Message;
        SipRange old = message.Body.IsPresent ? message.Body : new SipRange(message.HeaderSectionLength, 0);
        _edits.Replace(old.Start, old.Length, body);
        SetContentLength(body.Length);
        if (!contentType.IsEmpty)
        {
            if (message.TryGetFirst(HeaderKind.ContentType, out SipHeader type))
            {
                _edits.Replace(type.Value.Start, type.Value.Length, contentType);
            }
            else
            {
                InsertLine(HeaderSectionEnd, "Content-Type"u8, contentType);
            }
        }
    }

    /// <summary>Adds Content-Length when the message has none (an RFC 2543 datagram about to go over a stream).</summary>
    public void EnsureContentLength()
    {
        if (!Message.Contains(HeaderKind.ContentLength))
        {
            SetContentLength(Message.Body.IsPresent ? Message.Body.Length : 0);
        }
    }

    public void Dispose() => _edits.Dispose();

    private void SetContentLength(int length)
    {
        if (Message.TryGetFirst(HeaderKind.ContentLength, out SipHeader header))
        {
            ReplaceNumber(header.Value, length);
            return;
        }

        Span<byte> digits = stackalloc byte[11];
        Utf8Formatter.TryFormat(length, digits, out int written);
        InsertLine(HeaderSectionEnd, "Content-Length"u8, digits[..written]);
    }

    private void ReplaceNumber(SipRange range, int value)
    {
        Span<byte> target = _edits.BeginInsert(11);
        Utf8Formatter.TryFormat(value, target, out int written);
        _edits.Commit(range.Start, range.Length, written);
    }

    private void InsertLine(int offset, ReadOnlySpan<byte> name, ReadOnlySpan<byte> value)
    {
        int length = name.Length + 2 + value.Length + 2;
        Span<byte> target = _edits.BeginInsert(length);
        name.CopyTo(target);
        ": "u8.CopyTo(target[name.Length..]);
        value.CopyTo(target[(name.Length + 2)..]);
        "\r\n"u8.CopyTo(target[(length - 2)..]);
        _edits.Commit(offset, 0, length);
    }
}
