namespace Switchboard.Sip.Uris;

/// <summary>RFC 3966 §4: numbers equal without visual separators; the same parameter set, values case-insensitive.</summary>
internal static class TelUriComparison
{
    public static bool AreEquivalent(SipUriView a, SipUriView b)
    {
        if (!SameDigits(a.User, b.User))
        {
            return false;
        }

        int countA = 0, countB = 0;
        foreach (UriParameter p in a.Parameters)
        {
            countA++;
            if (!b.TryGetParameter(p.Name, out UriParameter q) || p.HasValue != q.HasValue || !SameValue(p, q))
            {
                return false;
            }
        }

        foreach (UriParameter _ in b.Parameters)
        {
            countB++;
        }

        return countA == countB;
    }

    private static bool SameValue(UriParameter p, UriParameter q)
    {
        // A phone-context that is a global number compares digit by digit, like the number itself.
        if (p.NameIs("phone-context"u8) && p.Value.Length <= 128 && q.Value.Length <= 128)
        {
            Span<byte> x = stackalloc byte[128], y = stackalloc byte[128];
            x = x[..PercentEncoding.DecodeTo(p.Value, x)];
            y = y[..PercentEncoding.DecodeTo(q.Value, y)];
            if (x.Length > 0 && x[0] == '+')
            {
                return SameDigits(x, y);
            }
        }

        return PercentEncoding.EqualsDecoded(p.Value, q.Value, ignoreCase: true);
    }

    private static bool SameDigits(ReadOnlySpan<byte> x, ReadOnlySpan<byte> y)
    {
        int i = 0, j = 0;
        while (true)
        {
            while (i < x.Length && TelGrammar.IsVisualSeparator(x[i]))
            {
                i++;
            }

            while (j < y.Length && TelGrammar.IsVisualSeparator(y[j]))
            {
                j++;
            }

            if (i == x.Length || j == y.Length)
            {
                return i == x.Length && j == y.Length;
            }

            if ((x[i] | 0x20) != (y[j] | 0x20))
            {
                return false;
            }

            i++;
            j++;
        }
    }
}
