using System.Text;
using Switchboard.Sip;

namespace Switchboard.Proxy.Validation;

/// <summary>
/// RFC 3261 §16.3 request validation beyond syntax: Max-Forwards 0 (483), a loop (482), Proxy-Require tags we
/// do not support (420 with Unsupported listing them).
/// </summary>
public sealed class ProxyRequestValidator
{
    private readonly LoopDetector _loops;
    private readonly HashSet<string> _supported;

    public ProxyRequestValidator(ProxyOptions options, LoopDetector loops)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(loops);
        _loops = loops;
        _supported = new HashSet<string>(options.SupportedOptionTags, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Null when the request may be forwarded.</summary>
    public ProxyRejection? Validate(SipMessage request, ulong loopHash)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.TryGetFirst(HeaderKind.MaxForwards, out _))
        {
            if (!request.TryGetMaxForwards(out int maxForwards))
            {
                return new ProxyRejection(400, "Invalid Max-Forwards");
            }

            if (maxForwards == 0)
            {
                return new ProxyRejection(483, "Too Many Hops");
            }
        }

        if (_loops.IsLoop(request, loopHash))
        {
            return new ProxyRejection(482, "Loop Detected");
        }

        string? unsupported = UnsupportedTags(request);
        return unsupported is null ? null : new ProxyRejection(420, "Bad Extension", [new("Unsupported", unsupported)]);
    }

    private string? UnsupportedTags(SipMessage request)
    {
        StringBuilder? list = null;
        foreach (SipHeader header in request.GetHeaders(HeaderKind.ProxyRequire))
        {
            string tag = Encoding.UTF8.GetString(request.GetValue(header));
            if (tag.Length > 0 && !_supported.Contains(tag))
            {
                list = list is null ? new StringBuilder(tag) : list.Append(", ").Append(tag);
            }
        }

        return list?.ToString();
    }
}
