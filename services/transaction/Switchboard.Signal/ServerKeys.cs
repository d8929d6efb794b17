using System.Text;
using Switchboard.Contracts.Sip;
using Switchboard.Sip;
using Switchboard.Sip.Headers;
using Switchboard.Transaction.Keys;

namespace Switchboard.Signal;

/// <summary>Server transaction keys from a parsed request (RFC 3261 §17.2.3, with the RFC 2543 fallback).</summary>
internal static class ServerKeys
{
    /// <summary>The key of <paramref name="request"/> as if its method were <paramref name="method"/> (CANCEL → its INVITE).</summary>
    public static bool TryCompute(SipMessage request, string method, out TransactionKey key)
    {
        key = default;
        if (!request.TryGetVia(out SipVia via) || !request.TryGetCallId(out SipRange callId) || !request.TryGetCSeq(out SipCSeq cseq))
        {
            return false;
        }

        ReadOnlySpan<byte> buffer = request.Span;
        if (via.HasRfc3261Branch(buffer))
        {
            int port = via.Port > 0 ? via.Port : DefaultPort(via.Transport.Of(buffer));
            key = TransactionKey.ForServer(
                request.GetString(via.Branch)!, Encoding.ASCII.GetString(via.Host.Of(buffer)), port, method);
            return true;
        }

        key = TransactionKey.ForRfc2543(
            request.GetString(request.RequestUri) ?? string.Empty,
            Tag(request, isTo: true),
            Tag(request, isTo: false),
            request.GetString(callId)!,
            cseq.Number,
            TopViaWithoutWhitespace(request),
            method);
        return true;
    }

    /// <summary>The method token of the request line (unknown methods included).</summary>
    public static string MethodOf(SipMessage request) => MethodNames.Of(request);

    public static int DefaultPort(ReadOnlySpan<byte> transport) =>
        Ascii.EqualsIgnoreCase(transport, "TLS"u8) ? 5061 : 5060;

    public static int DefaultPort(SipTransport transport) => transport == SipTransport.Tls ? 5061 : 5060;

    private static string? Tag(SipMessage request, bool isTo)
    {
        bool found = isTo ? request.TryGetTo(out SipNameAddress address) : request.TryGetFrom(out address);
        return found ? request.GetString(address.GetTag(request.Span)) : null;
    }

    private static string TopViaWithoutWhitespace(SipMessage request)
    {
        if (!request.TryGetFirst(HeaderKind.Via, out SipHeader header))
        {
            return string.Empty;
        }

        ReadOnlySpan<byte> value = request.GetValue(header);
        var text = new StringBuilder(value.Length);
        foreach (byte b in value)
        {
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
            {
                text.Append((char)b);
            }
        }

        return text.ToString();
    }
}
