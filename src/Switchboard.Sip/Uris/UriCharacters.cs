namespace Switchboard.Sip.Uris;

/// <summary>Character classes of the RFC 3261 §25 and RFC 3966 URI grammars.</summary>
[Flags]
internal enum UriCharClass : ushort
{
    None = 0,
    AlphaNum = 1,
    Mark = 2,                 // - _ . ! ~ * ' ( )
    UserUnreserved = 4,       // & = + $ , ; ? /
    PasswordExtra = 8,        // & = + $ ,
    ParamUnreserved = 16,     // [ ] / : & + $
    HnvUnreserved = 32,       // [ ] / ? : + $
    Reserved = 64,            // ; / ? : @ & = + $ ,

    Unreserved = AlphaNum | Mark,
    User = Unreserved | UserUnreserved,
    Password = Unreserved | PasswordExtra,
    ParamChar = Unreserved | ParamUnreserved,
    HeaderChar = Unreserved | HnvUnreserved,
    Uric = Unreserved | Reserved,
}

internal static class UriCharacters
{
    public static UriCharClass Classify(byte b)
    {
        if ((uint)((b | 0x20) - 'a') <= 'z' - 'a' || (uint)(b - '0') <= 9)
        {
            return UriCharClass.AlphaNum;
        }

        return b switch
        {
            (byte)'-' or (byte)'_' or (byte)'.' or (byte)'!' or (byte)'~' or (byte)'*' or (byte)'\'' or (byte)'(' or (byte)')'
                => UriCharClass.Mark,
            (byte)'&' => UriCharClass.UserUnreserved | UriCharClass.PasswordExtra | UriCharClass.ParamUnreserved
                | UriCharClass.Reserved,
            (byte)'+' or (byte)'$' => UriCharClass.UserUnreserved | UriCharClass.PasswordExtra
                | UriCharClass.ParamUnreserved | UriCharClass.HnvUnreserved | UriCharClass.Reserved,
            (byte)'=' or (byte)',' => UriCharClass.UserUnreserved | UriCharClass.PasswordExtra | UriCharClass.Reserved,
            (byte)';' => UriCharClass.UserUnreserved | UriCharClass.Reserved,
            (byte)'?' => UriCharClass.UserUnreserved | UriCharClass.HnvUnreserved | UriCharClass.Reserved,
            (byte)'/' => UriCharClass.UserUnreserved | UriCharClass.ParamUnreserved | UriCharClass.HnvUnreserved
                | UriCharClass.Reserved,
            (byte)':' => UriCharClass.ParamUnreserved | UriCharClass.HnvUnreserved | UriCharClass.Reserved,
            (byte)'[' or (byte)']' => UriCharClass.ParamUnreserved | UriCharClass.HnvUnreserved,
            (byte)'@' => UriCharClass.Reserved,
            _ => UriCharClass.None,
        };
    }

    public static bool Is(byte b, UriCharClass allowed) => (Classify(b) & allowed) != 0;

    public static bool IsAlpha(byte b) => (uint)((b | 0x20) - 'a') <= 'z' - 'a';

    public static bool IsDigit(byte b) => (uint)(b - '0') <= 9;

    public static bool IsAlphaNum(byte b) => IsAlpha(b) || IsDigit(b);

    public static bool IsHex(byte b) => IsDigit(b) || (uint)((b | 0x20) - 'a') <= 'f' - 'a';

    public static int HexValue(byte b) => IsDigit(b) ? b - '0' : (b | 0x20) - 'a' + 10;

    /// <summary>True when every byte is in <paramref name="allowed"/> or is a well-formed %HEXHEX escape.</summary>
    public static bool IsValidEscaped(ReadOnlySpan<byte> text, UriCharClass allowed)
    {
        for (int i = 0; i < text.Length; i++)
        {
            byte b = text[i];
            if (b == '%')
            {
                if (i + 2 >= text.Length || !IsHex(text[i + 1]) || !IsHex(text[i + 2]))
                {
                    return false;
                }

                i += 2;
            }
            else if (!Is(b, allowed))
            {
                return false;
            }
        }

        return true;
    }
}
