using System.Buffers;
using Switchboard.Sip.Parsing;

namespace Switchboard.Sip.Framing;

/// <summary>The outcome of one <see cref="SipStreamFramer.Read"/> call.</summary>
public readonly struct SipFrame
{
    internal SipFrame(SipFrameStatus status, ReadOnlySequence<byte> message, SequencePosition consumed,
        SequencePosition examined, int crlfCount, SipParseError error)
    {
        Status = status;
        Message = message;
        Consumed = consumed;
        Examined = examined;
        CrlfCount = crlfCount;
        Error = error;
    }

    public SipFrameStatus Status { get; }

    /// <summary>The complete message (start line to end of body) when <see cref="Status"/> is Message.</summary>
    public ReadOnlySequence<byte> Message { get; }

    public SequencePosition Consumed { get; }

    public SequencePosition Examined { get; }

    /// <summary>CRLF pairs consumed by a KeepAlive frame.</summary>
    public int CrlfCount { get; }

    /// <summary>A double-CRLF ping (RFC 5626 §4.4.1): the transport owes a single-CRLF pong.</summary>
    public bool IsPing => Status == SipFrameStatus.KeepAlive && CrlfCount >= 2;

    public SipParseError Error { get; }
}
