namespace Switchboard.Sip.Uris;

/// <summary>The telephone-subscriber rules of RFC 3966 §3.</summary>
internal static class TelGrammar
{
    /// <summary>global-number-digits ("+" with at least one digit) or local-number-digits (hex, '*', '#').</summary>
    public static bool IsNumber(ReadOnlySpan<byte> number, out bool global)
    {
        global = number.Length > 0 && number[0] == '+';
        ReadOnlySpan<byte> digits = global ? number[1..] : number;
        bool sawDigit = false;
        foreach (byte b in digits)
        {
            if (IsVisualSeparator(b))
            {
                continue;
            }

            bool ok = global ? UriCharacters.IsDigit(b) : UriCharacters.IsHex(b) || b == '*' || b == '#';
            if (!ok)
            {
                return false;
            }

            sawDigit = true;
        }

        return sawDigit;
    }

    /// <summary>Parameter names are alphanum or '-'; values are paramchar; local numbers need phone-context.</summary>
    public static bool AreValidParameters(ReadOnlySpan<byte> list, bool global)
    {
        bool hasContext = false;
        foreach (Range item in list.Split((byte)';'))
        {
            ReadOnlySpan<byte> pair = list[item];
            int equals = pair.IndexOf((byte)'=');
            ReadOnlySpan<byte> name = equals < 0 ? pair : pair[..equals];
            if (name.IsEmpty || !IsParameterName(name))
            {
                return false;
            }

            if (equals >= 0)
            {
                ReadOnlySpan<byte> value = pair[(equals + 1)..];
                if (value.IsEmpty || !UriCharacters.IsValidEscaped(value, UriCharClass.ParamChar))
                {
                    return false;
                }
            }

            if (System.Text.Ascii.EqualsIgnoreCase(name, "phone-context"u8))
            {
                if (equals < 0)
                {
                    return false; // context = ";phone-context=" descriptor: the value is mandatory
                }

                hasContext = true;
            }
        }

        return global || hasContext;
    }

    public static bool IsVisualSeparator(byte b) => b is (byte)'-' or (byte)'.' or (byte)'(' or (byte)')';

    private static bool IsParameterName(ReadOnlySpan<byte> name)
    {
        foreach (byte b in name)
        {
            if (!UriCharacters.IsAlphaNum(b) && b != '-')
            {
                return false;
            }
        }

        return true;
    }
}
