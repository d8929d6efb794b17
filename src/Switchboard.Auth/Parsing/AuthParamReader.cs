namespace Switchboard.Auth.Parsing;

/// <summary>
/// Walks the auth-params of a credentials or challenge value (RFC 3261 §25.1 / RFC 7235 §2.1) as offsets, allocating
/// nothing: the one grammar behind <see cref="AuthHeaderParser"/> and the Digest fast path. Stops at the end or at
/// the first error (<see cref="Error"/> set); at most <see cref="AuthHeaderParser.MaxParameters"/> params.
/// </summary>
internal ref struct AuthParamReader
{
    private readonly ReadOnlySpan<byte> _value;
    private readonly int _end;
    private int _pos;
    private int _count;

    /// <param name="value">The whole header value; offsets are relative to it.</param>
    /// <param name="start">Where the params start (after the scheme).</param>
    /// <param name="end">Where they end (trailing white space trimmed).</param>
    public AuthParamReader(ReadOnlySpan<byte> value, int start, int end)
    {
        _value = value;
        _pos = start;
        _end = end;
    }

    /// <summary>Null while the params are well formed.</summary>
    public string? Error { get; private set; }

    public bool TryNext(out AuthParamRange param)
    {
        param = default;
        var s = _value[.._end];
        _pos = SkipSpaceAndCommas(s, _pos);
        if (_pos >= s.Length || Error is not null)
        {
            return false;
        }

        if (_count == AuthHeaderParser.MaxParameters)
        {
            return Fail("too many parameters");
        }

        var nameStart = _pos;
        while (_pos < s.Length && AuthHeaderParser.IsTokenChar(s[_pos]))
        {
            _pos++;
        }

        if (_pos == nameStart)
        {
            return Fail("invalid parameter name");
        }

        var name = new Range(nameStart, _pos);
        _pos = AuthHeaderParser.SkipSpace(s, _pos);
        if (_pos >= s.Length || s[_pos] != (byte)'=')
        {
            return Fail($"parameter '{NameText(s, name)}' has no value");
        }

        _pos = AuthHeaderParser.SkipSpace(s, _pos + 1);
        if (!TryReadValue(s, out var value, out var quoted, out var escapes))
        {
            return false;
        }

        _pos = AuthHeaderParser.SkipSpace(s, _pos);
        if (_pos < s.Length && s[_pos] != (byte)',')
        {
            return Fail($"expected ',' after parameter '{NameText(s, name)}'");
        }

        _count++;
        param = new AuthParamRange(name, value, quoted, escapes);
        return true;
    }

    private bool TryReadValue(ReadOnlySpan<byte> s, out Range value, out bool quoted, out int escapes)
    {
        value = default;
        escapes = 0;
        quoted = _pos < s.Length && s[_pos] == (byte)'"';
        if (!quoted)
        {
            var start = _pos;
            while (_pos < s.Length && AuthHeaderParser.IsTokenChar(s[_pos]))
            {
                _pos++;
            }

            value = new Range(start, _pos);
            return _pos > start || Fail("empty or invalid parameter value");
        }

        var open = ++_pos; // after the opening quote
        while (_pos < s.Length && s[_pos] != (byte)'"')
        {
            if (s[_pos] is (byte)'\r' or (byte)'\n' or 0)
            {
                return Fail("control character in quoted string");
            }

            if (s[_pos] == (byte)'\\')
            {
                // quoted-pair: backslash followed by any char except CR/LF (RFC 3261 §25.1).
                if (_pos + 1 >= s.Length || s[_pos + 1] is (byte)'\r' or (byte)'\n' or 0)
                {
                    return Fail("invalid escape in quoted string");
                }

                escapes++;
                _pos++;
            }

            _pos++;
        }

        if (_pos >= s.Length)
        {
            return Fail("unterminated quoted string");
        }

        value = new Range(open, _pos);
        _pos++; // closing quote
        return true;
    }

    private bool Fail(string error)
    {
        Error = error;
        return false;
    }

    private static string NameText(ReadOnlySpan<byte> s, Range name) => KnownAuthNames.Name(s[name]);

    private static int SkipSpaceAndCommas(ReadOnlySpan<byte> s, int pos)
    {
        while (pos < s.Length && (AuthHeaderParser.IsSpace(s[pos]) || s[pos] == (byte)','))
        {
            pos++;
        }

        return pos;
    }
}
