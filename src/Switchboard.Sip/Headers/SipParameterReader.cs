using System.Text;
using static Switchboard.Sip.SipLex;

namespace Switchboard.Sip.Headers;

/// <summary>
/// Reads <c>*( SEMI param )</c> (or <c>COMMA</c>-separated auth-params) from a range of a message buffer, with LWS
/// (folds included) allowed around separators and '='. Allocation-free; <see cref="Failed"/> reports bad syntax.
/// </summary>
public ref struct SipParameterReader
{
    private readonly ReadOnlySpan<byte> _buffer;
    private readonly int _end;
    private readonly byte _separator;
    private int _pos;
    private bool _first;

    /// <param name="buffer">The whole message buffer (ranges are absolute).</param>
    /// <param name="range">Parameters text; with <paramref name="leadingSeparator"/> it starts with the separator.</param>
    public SipParameterReader(ReadOnlySpan<byte> buffer, SipRange range, byte separator = (byte)';', bool leadingSeparator = true)
    {
        _buffer = buffer;
        _pos = range.IsPresent ? range.Start : 0;
        _end = range.IsPresent ? range.End : 0;
        _separator = separator;
        _first = !leadingSeparator;
        Current = default;
        Failed = false;
    }

    public SipParameter Current { get; private set; }

    public bool Failed { get; private set; }

    public readonly SipParameterReader GetEnumerator() => this;

    public bool MoveNext()
    {
        var s = _buffer;
        var i = SkipLws(s, _pos, _end);
        if (i >= _end || Failed)
        {
            return false;
        }

        if (!_first)
        {
            if (s[i] != _separator)
            {
                return Fail();
            }

            i = SkipLws(s, i + 1, _end);
        }

        _first = false;
        var nameStart = i;
        i = SkipToken(s, i, _end);
        if (i == nameStart)
        {
            return Fail();
        }

        var name = SipRange.FromBounds(nameStart, i);
        var value = SipRange.None;
        var j = SkipLws(s, i, _end);
        if (j < _end && s[j] == (byte)'=')
        {
            j = SkipLws(s, j + 1, _end);
            var valueStart = j;
            if (j < _end && s[j] == (byte)'"')
            {
                j = SkipQuoted(s, j, _end);
                if (j < 0)
                {
                    return Fail();
                }
            }
            else
            {
                while (j < _end && s[j] != _separator && !IsWsp(s[j]) && s[j] != Cr && s[j] != (byte)',' && s[j] != (byte)';')
                {
                    j++;
                }
            }

            if (j == valueStart)
            {
                return Fail();
            }

            value = SipRange.FromBounds(valueStart, j);
            i = j;
        }

        _pos = i;
        Current = new SipParameter(name, value);
        return true;
    }

    private bool Fail()
    {
        Failed = true;
        return false;
    }

    /// <summary>Finds a parameter by name (case-insensitive). Returns false when absent or when the list is malformed.</summary>
    public static bool TryFind(ReadOnlySpan<byte> buffer, SipRange range, ReadOnlySpan<byte> name, out SipParameter parameter,
        byte separator = (byte)';', bool leadingSeparator = true)
    {
        var reader = new SipParameterReader(buffer, range, separator, leadingSeparator);
        while (reader.MoveNext())
        {
            if (Ascii.EqualsIgnoreCase(reader.Current.Name.Of(buffer), name))
            {
                parameter = reader.Current;
                return true;
            }
        }

        parameter = default;
        return false;
    }

    /// <summary>True when the whole range is a well-formed parameter list.</summary>
    public static bool IsWellFormed(ReadOnlySpan<byte> buffer, SipRange range, byte separator = (byte)';', bool leadingSeparator = true)
    {
        var reader = new SipParameterReader(buffer, range, separator, leadingSeparator);
        while (reader.MoveNext())
        {
        }

        return !reader.Failed;
    }
}
