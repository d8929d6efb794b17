using System.Buffers;
using Switchboard.Sip;
using Switchboard.Sip.Headers;
using Switchboard.Sip.Writing;

namespace Switchboard.Proxy.Media;

/// <summary>The few things the media hooks read from a SIP message, and the body swap (Content-Length follows).</summary>
internal static class MediaMessages
{
    /// <summary>A non-empty body whose Content-Type is application/sdp (multipart bodies are left alone).</summary>
    public static bool HasSdp(SipMessage message)
    {
        if (!message.Body.IsPresent || message.Body.IsEmpty || !message.TryGetFirst(HeaderKind.ContentType, out SipHeader type))
        {
            return false;
        }

        ReadOnlySpan<byte> value = message.GetValue(type).Trim((byte)' ');
        int semicolon = value.IndexOf((byte)';');
        value = (semicolon < 0 ? value : value[..semicolon]).TrimEnd((byte)' ');
        return System.Text.Ascii.EqualsIgnoreCase(value, "application/sdp"u8);
    }

    /// <summary>
    /// A provisional response sent reliably (RFC 3262 §3): an RSeq header and 100rel among its Require option tags.
    /// Only such a 1xx may carry an offer; the PRACK carries the answer.
    /// </summary>
    public static bool IsReliableProvisional(SipMessage response)
    {
        if (response.StatusCode is <= 100 or >= 200 || !response.TryGetFirst(HeaderKind.RSeq, out _))
        {
            return false;
        }

        foreach (SipHeader require in response.GetHeaders(HeaderKind.Require))
        {
            if (ListsOptionTag(response.GetValue(require), "100rel"u8))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether a comma-separated option-tag list names <paramref name="tag"/> (case-insensitive, spaces ignored).</summary>
    private static bool ListsOptionTag(ReadOnlySpan<byte> list, ReadOnlySpan<byte> tag)
    {
        while (!list.IsEmpty)
        {
            int comma = list.IndexOf((byte)',');
            ReadOnlySpan<byte> item = (comma < 0 ? list : list[..comma]).Trim(" \t"u8);
            if (System.Text.Ascii.EqualsIgnoreCase(item, tag))
            {
                return true;
            }

            list = comma < 0 ? [] : list[(comma + 1)..];
        }

        return false;
    }

    public static ReadOnlySpan<byte> Body(SipMessage message) => message.GetSpan(message.Body);

    public static string CallId(SipMessage message) =>
        message.TryGetCallId(out SipRange callId) ? message.GetString(callId) ?? "" : "";

    public static string FromTag(SipMessage message) =>
        message.TryGetFrom(out SipNameAddress from) ? message.GetString(from.GetTag(message.Span)) ?? "" : "";

    public static string ToTag(SipMessage message) =>
        message.TryGetTo(out SipNameAddress to) ? message.GetString(to.GetTag(message.Span)) ?? "" : "";

    /// <summary>The message's bytes with <paramref name="body"/> instead of its body and the matching Content-Length.</summary>
    public static byte[] WithBody(SipMessage message, ReadOnlySpan<byte> body)
    {
        using var editor = new SipMessageEditor();
        editor.Reset(message);
        editor.ReplaceBody(body);
        var output = new ArrayBufferWriter<byte>(editor.Length);
        editor.WriteTo(output);
        return output.WrittenSpan.ToArray();
    }
}
