namespace Switchboard.Sip.Uris;

/// <summary>Parses URIs into <see cref="SipUriLayout"/> ranges following RFC 3261 §25 and RFC 3966.</summary>
internal static class UriParser
{
    public static bool TryParse(ReadOnlySpan<byte> text, out SipUriLayout layout)
    {
        layout = default;
        int colon = text.IndexOf((byte)':');
        if (colon <= 0 || !IsSchemeName(text[..colon]) || colon == text.Length - 1)
        {
            return false;
        }

        ReadOnlySpan<byte> name = text[..colon];
        UriScheme scheme = System.Text.Ascii.EqualsIgnoreCase(name, "sip"u8) ? UriScheme.Sip
            : System.Text.Ascii.EqualsIgnoreCase(name, "sips"u8) ? UriScheme.Sips
            : System.Text.Ascii.EqualsIgnoreCase(name, "tel"u8) ? UriScheme.Tel
            : UriScheme.Other;
        var schemeName = new UriRange(0, colon);
        int rest = colon + 1;
        return scheme switch
        {
            UriScheme.Sip or UriScheme.Sips => TryParseSip(text, rest, scheme, schemeName, out layout),
            UriScheme.Tel => TryParseTel(text, rest, schemeName, out layout),
            _ => TryParseOther(text, rest, schemeName, out layout),
        };
    }

    private static bool TryParseSip(ReadOnlySpan<byte> text, int start, UriScheme scheme, UriRange schemeName, out SipUriLayout layout)
    {
        layout = default;
        UriRange user = UriRange.Absent, password = UriRange.Absent;
        int at = text[start..].IndexOf((byte)'@');
        int hostStart = start;
        if (at >= 0)
        {
            ReadOnlySpan<byte> userinfo = text.Slice(start, at);
            int colon = userinfo.IndexOf((byte)':');
            int userLength = colon < 0 ? at : colon;
            if (userLength == 0 || !UriCharacters.IsValidEscaped(userinfo[..userLength], UriCharClass.User))
            {
                return false;
            }

            user = new UriRange(start, userLength);
            if (colon >= 0)
            {
                password = new UriRange(start + colon + 1, at - colon - 1);
                if (!UriCharacters.IsValidEscaped(password.Of(text), UriCharClass.Password))
                {
                    return false;
                }
            }

            hostStart = start + at + 1;
        }

        if (!TryParseHostPort(text, hostStart, out UriRange host, out UriHostKind hostKind, out int port, out int end))
        {
            return false;
        }

        if (!TryParseParametersAndHeaders(text, end, UriCharClass.ParamChar, out UriRange parameters, out UriRange headers))
        {
            return false;
        }

        layout = new SipUriLayout
        {
            Scheme = scheme, SchemeName = schemeName, User = user, Password = password, Host = host,
            HostKind = hostKind, Port = port, Parameters = parameters, Headers = headers, Opaque = UriRange.Absent,
        };
        return true;
    }

    private static bool TryParseHostPort(
        ReadOnlySpan<byte> text, int start, out UriRange host, out UriHostKind kind, out int port, out int end)
    {
        port = -1;
        end = start;
        if (start < text.Length && text[start] == '[')
        {
            int close = text[start..].IndexOf((byte)']');
            end = close < 0 ? text.Length : start + close + 1;
        }
        else
        {
            int stop = text[start..].IndexOfAny(":;?"u8);
            end = stop < 0 ? text.Length : start + stop;
        }

        host = new UriRange(start, end - start);
        kind = HostGrammar.Classify(host.Of(text));
        if (kind == UriHostKind.None)
        {
            return false;
        }

        if (end < text.Length && text[end] == ':')
        {
            int digitsStart = ++end;
            long value = 0;
            while (end < text.Length && UriCharacters.IsDigit(text[end]) && value <= 65535)
            {
                value = (value * 10) + (text[end++] - '0');
            }

            if (end == digitsStart || value > 65535)
            {
                return false;
            }

            port = (int)value;
        }

        return true;
    }

    /// <summary>Validates ";p[=v]..." up to '?' and then "h=v&amp;..." to the end.</summary>
    private static bool TryParseParametersAndHeaders(
        ReadOnlySpan<byte> text, int start, UriCharClass paramChars, out UriRange parameters, out UriRange headers)
    {
        parameters = UriRange.Absent;
        headers = UriRange.Absent;
        int i = start;
        if (i < text.Length && text[i] == ';')
        {
            int question = text[i..].IndexOf((byte)'?');
            int stop = question < 0 ? text.Length : i + question;
            parameters = new UriRange(i + 1, stop - i - 1);
            if (!AreValidPairs(parameters.Of(text), (byte)';', paramChars, paramChars, isHeaderList: false))
            {
                return false;
            }

            i = stop;
        }

        if (i < text.Length && text[i] == '?')
        {
            headers = new UriRange(i + 1, text.Length - i - 1);
            return AreValidPairs(headers.Of(text), (byte)'&', UriCharClass.HeaderChar, UriCharClass.HeaderChar, isHeaderList: true);
        }

        return i == text.Length;
    }

    /// <summary>name[=value] items: names non-empty; parameters may omit "=value" (lr) but not the value after "="; headers need "=" and may have an empty value.</summary>
    private static bool AreValidPairs(
        ReadOnlySpan<byte> list, byte separator, UriCharClass nameChars, UriCharClass valueChars, bool isHeaderList)
    {
        foreach (Range item in list.Split(separator))
        {
            ReadOnlySpan<byte> pair = list[item];
            int equals = pair.IndexOf((byte)'=');
            ReadOnlySpan<byte> name = equals < 0 ? pair : pair[..equals];
            if (name.IsEmpty || !UriCharacters.IsValidEscaped(name, nameChars))
            {
                return false;
            }

            if (equals < 0)
            {
                if (isHeaderList)
                {
                    return false;
                }

                continue;
            }

            ReadOnlySpan<byte> value = pair[(equals + 1)..];
            if ((!isHeaderList && value.IsEmpty) || !UriCharacters.IsValidEscaped(value, valueChars))
            {
                return false;
            }
        }

        return true;
    }

    private static bool TryParseTel(ReadOnlySpan<byte> text, int start, UriRange schemeName, out SipUriLayout layout)
    {
        layout = default;
        int semicolon = text[start..].IndexOf((byte)';');
        int numberEnd = semicolon < 0 ? text.Length : start + semicolon;
        var number = new UriRange(start, numberEnd - start);
        if (!TelGrammar.IsNumber(number.Of(text), out bool global))
        {
            return false;
        }

        UriRange parameters = UriRange.Absent;
        if (semicolon >= 0)
        {
            parameters = new UriRange(numberEnd + 1, text.Length - numberEnd - 1);
            if (!TelGrammar.AreValidParameters(parameters.Of(text), global))
            {
                return false;
            }
        }
        else if (!global)
        {
            return false; // a local number needs a phone-context
        }

        layout = new SipUriLayout
        {
            Scheme = UriScheme.Tel, SchemeName = schemeName, User = number, Password = UriRange.Absent,
            Host = UriRange.Absent, Port = -1, Parameters = parameters, Headers = UriRange.Absent, Opaque = UriRange.Absent,
        };
        return true;
    }

    private static bool TryParseOther(ReadOnlySpan<byte> text, int start, UriRange schemeName, out SipUriLayout layout)
    {
        layout = default;
        var opaque = new UriRange(start, text.Length - start);
        if (!UriCharacters.IsValidEscaped(opaque.Of(text), UriCharClass.Uric))
        {
            return false;
        }

        layout = new SipUriLayout
        {
            Scheme = UriScheme.Other, SchemeName = schemeName, User = UriRange.Absent, Password = UriRange.Absent,
            Host = UriRange.Absent, Port = -1, Parameters = UriRange.Absent, Headers = UriRange.Absent, Opaque = opaque,
        };
        return true;
    }

    /// <summary>scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." )</summary>
    private static bool IsSchemeName(ReadOnlySpan<byte> name)
    {
        if (!UriCharacters.IsAlpha(name[0]))
        {
            return false;
        }

        foreach (byte b in name)
        {
            if (!UriCharacters.IsAlphaNum(b) && b != '+' && b != '-' && b != '.')
            {
                return false;
            }
        }

        return true;
    }
}
