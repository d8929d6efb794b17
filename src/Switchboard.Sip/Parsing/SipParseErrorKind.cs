namespace Switchboard.Sip.Parsing;

/// <summary>Why a message was refused, by the parser, the stream framer or the request validator.</summary>
public enum SipParseErrorKind : byte
{
    None = 0,
    /// <summary>Bad start line (request or status line).</summary>
    InvalidStartLine,
    /// <summary>A header line that is not <c>name HCOLON value</c>, or a malformed header value.</summary>
    InvalidHeader,
    /// <summary>The header section has no terminating empty line.</summary>
    IncompleteHeaders,
    /// <summary>Content-Length negative, non-numeric or repeated: a framing error (ncl, mcl01).</summary>
    InvalidContentLength,
    /// <summary>Content-Length promises more bytes than the datagram holds (clerr).</summary>
    ContentLengthExceedsData,
    /// <summary>Stream transports need a Content-Length to find the end of the message.</summary>
    MissingContentLength,
    MessageTooLarge,
    BodyTooLarge,
    LineTooLong,
    TooManyHeaders,
    UnsupportedVersion,
    UnsupportedUriScheme,
    MissingHeader,
    DuplicateHeader,
    CSeqMethodMismatch,
    UnknownMethod,
    InvalidMaxForwards,
    TooManyHops,
    BadExtension,
    UnsupportedMediaType,
    NotAcceptable,
    MethodNotAllowed,
    /// <summary>A REGISTER whose To is not a SIP or SIPS URI (registrar role, unksm2).</summary>
    InvalidAddressOfRecord,
}
