using System.Buffers;
using System.Globalization;

namespace Switchboard.Registrar.Registration;

/// <summary>Builds a short text on the stack (growing into a pooled array if needed): one string at the end, no builder.</summary>
internal ref struct ContactText
{
    private Span<char> _chars;
    private char[]? _rented;
    private int _length;

    public ContactText(Span<char> initial)
    {
        _chars = initial;
    }

    public void Append(char c)
    {
        Ensure(1);
        _chars[_length++] = c;
    }

    public void Append(ReadOnlySpan<char> text)
    {
        Ensure(text.Length);
        text.CopyTo(_chars[_length..]);
        _length += text.Length;
    }

    public void Append(long value)
    {
        Ensure(20);
        value.TryFormat(_chars[_length..], out var written, default, CultureInfo.InvariantCulture);
        _length += written;
    }

    public string ToStringAndDispose()
    {
        var text = new string(_chars[.._length]);
        if (_rented is not null)
        {
            ArrayPool<char>.Shared.Return(_rented);
            _rented = null;
        }
        return text;
    }

    private void Ensure(int more)
    {
        if (_length + more <= _chars.Length)
        {
            return;
        }
        var larger = ArrayPool<char>.Shared.Rent(Math.Max(_chars.Length * 2, _length + more));
        _chars[.._length].CopyTo(larger);
        if (_rented is not null)
        {
            ArrayPool<char>.Shared.Return(_rented);
        }
        _rented = larger;
        _chars = larger;
    }
}
