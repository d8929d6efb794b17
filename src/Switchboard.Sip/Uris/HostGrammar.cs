namespace Switchboard.Sip.Uris;

/// <summary>The host rules of RFC 3261 §25 (hostname, IPv4address) and RFC 5954 (IPv6address).</summary>
internal static class HostGrammar
{
    public static UriHostKind Classify(ReadOnlySpan<byte> host)
    {
        if (host.Length > 2 && host[0] == '[' && host[^1] == ']')
        {
            return IsIPv6(host[1..^1]) ? UriHostKind.IPv6 : UriHostKind.None;
        }

        if (IsIPv4(host))
        {
            return UriHostKind.IPv4;
        }

        return IsHostname(host) ? UriHostKind.DomainName : UriHostKind.None;
    }

    /// <summary>Four dot-separated decimal octets of 1–3 digits, each at most 255.</summary>
    public static bool IsIPv4(ReadOnlySpan<byte> text)
    {
        int octets = 0;
        int i = 0;
        while (octets < 4)
        {
            int start = i, value = 0;
            while (i < text.Length && i - start < 3 && UriCharacters.IsDigit(text[i]))
            {
                value = (value * 10) + (text[i++] - '0');
            }

            if (i == start || value > 255)
            {
                return false;
            }

            octets++;
            if (octets < 4)
            {
                if (i >= text.Length || text[i] != '.')
                {
                    return false;
                }

                i++;
            }
        }

        return i == text.Length;
    }

    /// <summary>hostname = *( domainlabel "." ) toplabel [ "." ]; the top label starts with a letter.</summary>
    public static bool IsHostname(ReadOnlySpan<byte> text)
    {
        if (text.Length > 0 && text[^1] == '.')
        {
            text = text[..^1];
        }

        if (text.IsEmpty)
        {
            return false;
        }

        ReadOnlySpan<byte> label = default;
        while (!text.IsEmpty)
        {
            int dot = text.IndexOf((byte)'.');
            label = dot < 0 ? text : text[..dot];
            if (!IsLabel(label))
            {
                return false;
            }

            text = dot < 0 ? default : text[(dot + 1)..];
            if (dot >= 0 && text.IsEmpty)
            {
                return false;
            }
        }

        return UriCharacters.IsAlpha(label[0]);
    }

    /// <summary>RFC 5954 IPv6address: eight h16 groups, or fewer with one "::", optionally ending in an IPv4 address.</summary>
    public static bool IsIPv6(ReadOnlySpan<byte> text)
    {
        int groups = 0;
        bool compressed = false;
        int i = 0;
        if (text.StartsWith("::"u8))
        {
            compressed = true;
            i = 2;
        }
        else if (text.IsEmpty || text[0] == ':')
        {
            return false;
        }

        while (i < text.Length)
        {
            int start = i;
            while (i < text.Length && i - start < 5 && UriCharacters.IsHex(text[i]))
            {
                i++;
            }

            if (i < text.Length && text[i] == '.')
            {
                // The last 32 bits written as an IPv4 address count as two groups.
                if (!IsIPv4(text[start..]))
                {
                    return false;
                }

                groups += 2;
                i = text.Length;
                break;
            }

            int digits = i - start;
            if (digits is 0 or > 4)
            {
                return false;
            }

            groups++;
            if (i == text.Length)
            {
                break;
            }

            if (text[i] != ':')
            {
                return false;
            }

            i++;
            if (i < text.Length && text[i] == ':')
            {
                if (compressed)
                {
                    return false;
                }

                compressed = true;
                i++;
            }
            else if (i == text.Length)
            {
                return false;
            }
        }

        return compressed ? groups <= 7 : groups == 8;
    }

    private static bool IsLabel(ReadOnlySpan<byte> label)
    {
        if (label.IsEmpty || !UriCharacters.IsAlphaNum(label[0]) || !UriCharacters.IsAlphaNum(label[^1]))
        {
            return false;
        }

        foreach (byte b in label)
        {
            if (!UriCharacters.IsAlphaNum(b) && b != '-')
            {
                return false;
            }
        }

        return true;
    }
}
