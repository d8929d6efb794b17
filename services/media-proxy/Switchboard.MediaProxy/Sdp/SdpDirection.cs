namespace Switchboard.MediaProxy.Sdp;

/// <summary>RFC 3264 §5.1 direction attribute; <c>SendRecv</c> when none is given.</summary>
public enum SdpDirection
{
    SendRecv,
    SendOnly,
    RecvOnly,
    Inactive,
}
