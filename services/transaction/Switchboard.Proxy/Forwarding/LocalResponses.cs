using System.Buffers;
using Switchboard.Sip;
using Switchboard.Sip.Headers;
using Switchboard.Sip.Writing;

namespace Switchboard.Proxy.Forwarding;

/// <summary>
/// Responses the proxy generates itself (483, 420, 407, 404, 408, 487, 500...), RFC 3261 §8.2.6 / §16.7 step 6,
/// with a To tag derived from the request so a retransmitted request gets the same tag.
/// </summary>
public static class LocalResponses
{
    public static byte[] Create(
        SipMessage request, int statusCode, string? reason, IReadOnlyList<KeyValuePair<string, string>>? headers = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        var output = new ArrayBufferWriter<byte>(request.HeaderSectionLength + 256);
        ReadOnlySpan<byte> tag = statusCode == 100 ? default : ToTag(request);
        SipMessageWriter writer = SipResponseFactory.WriteResponseHead(request, statusCode, reason, tag, output);
        if (headers is not null)
        {
            foreach (var (name, value) in headers)
            {
                writer.WriteHeader(name, value);
            }
        }

        writer.EndWithoutBody();
        return output.WrittenSpan.ToArray();
    }

    /// <summary>16 hex digits from Call-ID, From tag, top Via branch and CSeq number (process-seeded hash).</summary>
    public static byte[] ToTag(SipMessage request)
    {
        ReadOnlySpan<byte> buffer = request.Span;
        var hash = new HashCode();
        var other = new HashCode();
        if (request.TryGetCallId(out SipRange callId))
        {
            hash.AddBytes(callId.Of(buffer));
        }

        if (request.TryGetFrom(out SipNameAddress from))
        {
            other.AddBytes(from.GetTag(buffer).Of(buffer));
        }

        if (request.TryGetVia(out SipVia via))
        {
            hash.AddBytes(via.Branch.Of(buffer));
        }

        if (request.TryGetCSeq(out SipCSeq cseq))
        {
            other.Add(cseq.Number);
        }

        ulong value = ((ulong)(uint)hash.ToHashCode() << 32) | (uint)other.ToHashCode();
        return System.Text.Encoding.ASCII.GetBytes(value.ToString("x16", System.Globalization.CultureInfo.InvariantCulture));
    }
}
