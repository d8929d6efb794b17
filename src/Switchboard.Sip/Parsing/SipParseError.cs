namespace Switchboard.Sip.Parsing;

/// <summary>
/// An error as a value. <see cref="StatusCode"/> is what a server owes the sender: 400, 413, 416, 420, 483, 501, 505,
/// 513, or 0 to drop silently (malformed responses are never answered). <see cref="CanAnswer"/> says the request had
/// what a stateless error response copies (Via, From, To, Call-ID, CSeq). <see cref="Reason"/> is a constant string.
/// </summary>
public readonly record struct SipParseError(SipParseErrorKind Kind, int StatusCode, string Reason, bool CanAnswer)
{
    public static SipParseError None => default;

    public bool IsError => Kind != SipParseErrorKind.None;

    /// <summary>True when the transport must close a stream connection (framing can no longer be trusted).</summary>
    public bool IsFramingError => Kind is SipParseErrorKind.InvalidContentLength or SipParseErrorKind.MissingContentLength
        or SipParseErrorKind.MessageTooLarge or SipParseErrorKind.BodyTooLarge or SipParseErrorKind.LineTooLong;

    public override string ToString() => IsError ? $"{StatusCode} {Kind}: {Reason}" : "ok";
}
