namespace Switchboard.Sip;

/// <summary>
/// One entry of the header index: a header field, or one comma-separated value of a list header (Via, Contact...).
/// Ranges are offsets into <see cref="SipMessage.Buffer"/>. <see cref="Value"/> is trimmed of leading and trailing
/// LWS but may span folded lines (CRLF + SP/HT); typed readers treat such folds as LWS.
/// </summary>
public readonly record struct SipHeader(HeaderKind Kind, SipRange Name, SipRange Value);
