using System.Net;
using System.Text;

namespace Switchboard.Sip.Uris;

/// <summary>
/// URI equivalence of RFC 3261 §19.1.4: user and password case-sensitive after unescaping, host case-insensitive,
/// port present vs absent differ, user/ttl/method/maddr/transport must match when either URI has them, other
/// parameters only when both have them, headers must all match. tel URIs follow RFC 3966 §4; other schemes compare
/// the scheme case-insensitively and the rest byte for byte.
/// </summary>
public sealed class SipUriComparer : IEqualityComparer<SipUri>
{
    public static SipUriComparer Instance { get; } = new();

    private SipUriComparer()
    {
    }

    public bool Equals(SipUri? x, SipUri? y)
    {
        if (ReferenceEquals(x, y))
        {
            return true;
        }

        return x is not null && y is not null && AreEquivalent(x.View, y.View);
    }

    public int GetHashCode(SipUri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        SipUriView view = uri.View;
        var hash = new HashCode();
        hash.Add(view.Scheme);
        switch (view.Scheme)
        {
            case UriScheme.Tel:
                foreach (byte b in view.User)
                {
                    if (!TelGrammar.IsVisualSeparator(b))
                    {
                        hash.Add((byte)(b | 0x20));
                    }
                }

                break;
            case UriScheme.Other:
                hash.Add(view.Opaque.Length);
                break;
            default:
                PercentEncoding.AddToHash(ref hash, view.User, ignoreCase: false);
                if (view.HostKind != UriHostKind.IPv6)
                {
                    PercentEncoding.AddToHash(ref hash, view.Host, ignoreCase: true); // IPv6 has several spellings
                }

                hash.Add(view.Port);
                break;
        }

        return hash.ToHashCode();
    }

    /// <summary>The comparison itself, over views, allocation-free except when both hosts are IPv6 literals.</summary>
    public static bool AreEquivalent(SipUriView a, SipUriView b)
    {
        if (a.Scheme != b.Scheme)
        {
            return false;
        }

        return a.Scheme switch
        {
            UriScheme.Tel => TelUriComparison.AreEquivalent(a, b),
            UriScheme.Other => Ascii.EqualsIgnoreCase(a.SchemeName, b.SchemeName) && a.Opaque.SequenceEqual(b.Opaque),
            _ => SameUserInfo(a, b) && SameHost(a, b) && a.Port == b.Port && SameParameters(a, b) && SameHeaders(a, b),
        };
    }

    private static bool SameUserInfo(SipUriView a, SipUriView b) =>
        a.HasUser == b.HasUser && a.HasPassword == b.HasPassword
        && PercentEncoding.EqualsDecoded(a.User, b.User, ignoreCase: false)
        && PercentEncoding.EqualsDecoded(a.Password, b.Password, ignoreCase: false);

    private static bool SameHost(SipUriView a, SipUriView b)
    {
        if (a.HostKind == UriHostKind.IPv6 && b.HostKind == UriHostKind.IPv6)
        {
            // RFC 5954 §4: IPv6 literals match by address, not by spelling.
            return ParseIPv6(a.Host) is { } x && ParseIPv6(b.Host) is { } y && x.Equals(y);
        }

        return Ascii.EqualsIgnoreCase(a.Host, b.Host);
    }

    private static IPAddress? ParseIPv6(ReadOnlySpan<byte> bracketed) =>
        IPAddress.TryParse(bracketed[1..^1], out IPAddress? address) ? address : null;

    private static bool SameParameters(SipUriView a, SipUriView b)
    {
        // These five must match when present in either URI.
        if (!SameIfEither(a, b, "user"u8, ignoreCase: true) || !SameIfEither(a, b, "ttl"u8, ignoreCase: true)
            || !SameIfEither(a, b, "method"u8, ignoreCase: false) || !SameIfEither(a, b, "maddr"u8, ignoreCase: true)
            || !SameIfEither(a, b, "transport"u8, ignoreCase: true))
        {
            return false;
        }

        // Any other parameter is compared only when both URIs carry it.
        foreach (UriParameter p in a.Parameters)
        {
            if (b.TryGetParameter(p.Name, out UriParameter q) && !SameValue(p, q, ignoreCase: true))
            {
                return false;
            }
        }

        return true;
    }

    private static bool SameIfEither(SipUriView a, SipUriView b, ReadOnlySpan<byte> name, bool ignoreCase)
    {
        bool inA = a.TryGetParameter(name, out UriParameter p);
        bool inB = b.TryGetParameter(name, out UriParameter q);
        return inA == inB && (!inA || SameValue(p, q, ignoreCase));
    }

    private static bool SameValue(UriParameter p, UriParameter q, bool ignoreCase) =>
        p.HasValue == q.HasValue && PercentEncoding.EqualsDecoded(p.Value, q.Value, ignoreCase);

    private static bool SameHeaders(SipUriView a, SipUriView b) => ContainsAllHeaders(a, b) && ContainsAllHeaders(b, a);

    private static bool ContainsAllHeaders(SipUriView a, SipUriView b)
    {
        foreach (UriParameter h in a.Headers)
        {
            if (!b.TryGetHeader(h.Name, out UriParameter other) || !SameValue(h, other, ignoreCase: false))
            {
                return false;
            }
        }

        return true;
    }
}
