using System.Text;

namespace Switchboard.Sip;

/// <summary>
/// Recognises header names by length and bytes, case-insensitively (RFC 3261 §7.3.1), without building strings,
/// and knows which headers carry comma-separated lists.
/// </summary>
public static class SipHeaderNames
{
    public static HeaderKind Recognize(ReadOnlySpan<byte> name)
    {
        if (name.Length == 1)
        {
            return RecognizeCompact(name[0]);
        }

        return name.Length switch
        {
            2 => Is(name, "To"u8) ? HeaderKind.To : HeaderKind.Unknown,
            3 => Is(name, "Via"u8) ? HeaderKind.Via : HeaderKind.Unknown,
            4 => Is(name, "From"u8) ? HeaderKind.From
                : Is(name, "CSeq"u8) ? HeaderKind.CSeq
                : Is(name, "Path"u8) ? HeaderKind.Path
                : Is(name, "Date"u8) ? HeaderKind.Date
                : Is(name, "RAck"u8) ? HeaderKind.RAck
                : Is(name, "RSeq"u8) ? HeaderKind.RSeq : HeaderKind.Unknown,
            5 => Is(name, "Route"u8) ? HeaderKind.Route
                : Is(name, "Allow"u8) ? HeaderKind.Allow
                : Is(name, "Event"u8) ? HeaderKind.Event : HeaderKind.Unknown,
            6 => Is(name, "Accept"u8) ? HeaderKind.Accept
                : Is(name, "Server"u8) ? HeaderKind.Server
                : Is(name, "Min-SE"u8) ? HeaderKind.MinSe
                : Is(name, "Reason"u8) ? HeaderKind.Reason : HeaderKind.Unknown,
            7 => Is(name, "Call-ID"u8) ? HeaderKind.CallId
                : Is(name, "Contact"u8) ? HeaderKind.Contact
                : Is(name, "Expires"u8) ? HeaderKind.Expires
                : Is(name, "Require"u8) ? HeaderKind.Require
                : Is(name, "Subject"u8) ? HeaderKind.Subject
                : Is(name, "Warning"u8) ? HeaderKind.Warning
                : Is(name, "Privacy"u8) ? HeaderKind.Privacy : HeaderKind.Unknown,
            8 => Is(name, "Refer-To"u8) ? HeaderKind.ReferTo
                : Is(name, "Identity"u8) ? HeaderKind.Identity
                : Is(name, "Reply-To"u8) ? HeaderKind.ReplyTo
                : Is(name, "Priority"u8) ? HeaderKind.Priority : HeaderKind.Unknown,
            9 => Is(name, "Supported"u8) ? HeaderKind.Supported
                : Is(name, "Timestamp"u8) ? HeaderKind.Timestamp
                : Is(name, "Call-Info"u8) ? HeaderKind.CallInfo : HeaderKind.Unknown,
            10 => Is(name, "User-Agent"u8) ? HeaderKind.UserAgent
                : Is(name, "Alert-Info"u8) ? HeaderKind.AlertInfo
                : Is(name, "Error-Info"u8) ? HeaderKind.ErrorInfo
                : Is(name, "Flow-Timer"u8) ? HeaderKind.FlowTimer : HeaderKind.Unknown,
            11 => Is(name, "Min-Expires"u8) ? HeaderKind.MinExpires
                : Is(name, "Unsupported"u8) ? HeaderKind.Unsupported
                : Is(name, "Referred-By"u8) ? HeaderKind.ReferredBy
                : Is(name, "Retry-After"u8) ? HeaderKind.RetryAfter
                : Is(name, "In-Reply-To"u8) ? HeaderKind.InReplyTo
                : Is(name, "Max-Breadth"u8) ? HeaderKind.MaxBreadth : HeaderKind.Unknown,
            12 => Is(name, "Max-Forwards"u8) ? HeaderKind.MaxForwards
                : Is(name, "Record-Route"u8) ? HeaderKind.RecordRoute
                : Is(name, "Content-Type"u8) ? HeaderKind.ContentType
                : Is(name, "Allow-Events"u8) ? HeaderKind.AllowEvents
                : Is(name, "Organization"u8) ? HeaderKind.Organization
                : Is(name, "MIME-Version"u8) ? HeaderKind.Mime : HeaderKind.Unknown,
            13 => Is(name, "Proxy-Require"u8) ? HeaderKind.ProxyRequire
                : Is(name, "Service-Route"u8) ? HeaderKind.ServiceRoute
                : Is(name, "Authorization"u8) ? HeaderKind.Authorization : HeaderKind.Unknown,
            14 => Is(name, "Content-Length"u8) ? HeaderKind.ContentLength
                : Is(name, "Reject-Contact"u8) ? HeaderKind.RejectContact
                : Is(name, "Accept-Contact"u8) ? HeaderKind.AcceptContact : HeaderKind.Unknown,
            15 => Is(name, "Accept-Encoding"u8) ? HeaderKind.AcceptEncoding
                : Is(name, "Accept-Language"u8) ? HeaderKind.AcceptLanguage
                : Is(name, "Session-Expires"u8) ? HeaderKind.SessionExpires : HeaderKind.Unknown,
            16 => Is(name, "WWW-Authenticate"u8) ? HeaderKind.WwwAuthenticate
                : Is(name, "Content-Encoding"u8) ? HeaderKind.ContentEncoding : HeaderKind.Unknown,
            18 => Is(name, "Proxy-Authenticate"u8) ? HeaderKind.ProxyAuthenticate
                : Is(name, "Subscription-State"u8) ? HeaderKind.SubscriptionState : HeaderKind.Unknown,
            19 => Is(name, "Proxy-Authorization"u8) ? HeaderKind.ProxyAuthorization
                : Is(name, "Content-Disposition"u8) ? HeaderKind.ContentDisposition
                : Is(name, "Request-Disposition"u8) ? HeaderKind.RequestDisposition
                : Is(name, "P-Asserted-Identity"u8) ? HeaderKind.PAssertedIdentity : HeaderKind.Unknown,
            20 => Is(name, "P-Preferred-Identity"u8) ? HeaderKind.PPreferredIdentity : HeaderKind.Unknown,
            _ => HeaderKind.Unknown,
        };
    }

    /// <summary>Compact forms (RFC 3261 §7.3.3 and the extension RFCs that define one).</summary>
    private static HeaderKind RecognizeCompact(byte c) => (byte)(c | 0x20) switch
    {
        (byte)'v' => HeaderKind.Via,
        (byte)'f' => HeaderKind.From,
        (byte)'t' => HeaderKind.To,
        (byte)'i' => HeaderKind.CallId,
        (byte)'m' => HeaderKind.Contact,
        (byte)'l' => HeaderKind.ContentLength,
        (byte)'k' => HeaderKind.Supported,
        (byte)'s' => HeaderKind.Subject,
        (byte)'c' => HeaderKind.ContentType,
        (byte)'e' => HeaderKind.ContentEncoding,
        (byte)'o' => HeaderKind.Event,
        (byte)'u' => HeaderKind.AllowEvents,
        (byte)'r' => HeaderKind.ReferTo,
        (byte)'b' => HeaderKind.ReferredBy,
        (byte)'x' => HeaderKind.SessionExpires,
        (byte)'y' => HeaderKind.Identity,
        (byte)'j' => HeaderKind.RejectContact,
        (byte)'a' => HeaderKind.AcceptContact,
        (byte)'d' => HeaderKind.RequestDisposition,
        _ => HeaderKind.Unknown,
    };

    /// <summary>Headers whose field value is a comma-separated list; the index holds one entry per element.</summary>
    public static bool IsList(HeaderKind kind) => kind switch
    {
        HeaderKind.Via or HeaderKind.Contact or HeaderKind.Route or HeaderKind.RecordRoute or HeaderKind.Path
            or HeaderKind.ServiceRoute or HeaderKind.Require or HeaderKind.ProxyRequire or HeaderKind.Supported
            or HeaderKind.Unsupported or HeaderKind.Allow or HeaderKind.AllowEvents or HeaderKind.Accept
            or HeaderKind.AcceptEncoding or HeaderKind.AcceptLanguage or HeaderKind.ContentEncoding
            or HeaderKind.Warning or HeaderKind.CallInfo or HeaderKind.AlertInfo or HeaderKind.ErrorInfo
            or HeaderKind.InReplyTo or HeaderKind.RejectContact or HeaderKind.AcceptContact
            or HeaderKind.RequestDisposition or HeaderKind.Privacy or HeaderKind.PAssertedIdentity
            or HeaderKind.PPreferredIdentity or HeaderKind.Reason => true,
        _ => false,
    };

    /// <summary>Headers that must appear at most once in a request (RFC 3261 §20; multi01).</summary>
    public static bool IsSingleValue(HeaderKind kind) => kind switch
    {
        HeaderKind.From or HeaderKind.To or HeaderKind.CallId or HeaderKind.CSeq or HeaderKind.MaxForwards
            or HeaderKind.ContentLength or HeaderKind.ContentType or HeaderKind.Expires or HeaderKind.MinExpires => true,
        _ => false,
    };

    private static bool Is(ReadOnlySpan<byte> name, ReadOnlySpan<byte> known) => Ascii.EqualsIgnoreCase(name, known);
}
