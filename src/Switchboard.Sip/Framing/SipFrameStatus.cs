namespace Switchboard.Sip.Framing;

public enum SipFrameStatus : byte
{
    /// <summary>Not an error: wait for more bytes (advance the pipe with Consumed/Examined).</summary>
    NeedMoreData = 0,
    Message = 1,
    /// <summary>Leading CRLFs were consumed (RFC 5626 keep-alive); answer a ping with <see cref="SipStreamFramer.Pong"/>.</summary>
    KeepAlive = 2,
    /// <summary>Framing can no longer be trusted: answer if possible, then close the connection.</summary>
    Error = 3,
}
