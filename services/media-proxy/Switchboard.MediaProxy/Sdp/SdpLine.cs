namespace Switchboard.MediaProxy.Sdp;

/// <summary>
/// One SDP line as offsets into the source bytes: <c>Start</c> is the first byte of the line (the type letter),
/// <c>ValueStart</c>/<c>ValueLength</c> frame the text after "x=", <c>End</c> is one past the line terminator.
/// A line that is not "x=..." keeps <c>Type</c> 0 and is written back verbatim.
/// </summary>
public readonly record struct SdpLine(byte Type, int Start, int ValueStart, int ValueLength, int End)
{
    /// <summary>Offset of the line terminator (CRLF, LF or nothing on a last unterminated line).</summary>
    public int TerminatorStart => ValueStart + ValueLength;
}
