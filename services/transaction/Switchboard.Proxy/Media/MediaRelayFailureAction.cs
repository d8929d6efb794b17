namespace Switchboard.Proxy.Media;

/// <summary>What a call that needs a relay does when none can be had (issue 7: go up without it, or fail).</summary>
public enum MediaRelayFailureAction
{
    /// <summary>Forward the SDP unchanged: the call goes up, media may not pass the NAT.</summary>
    ProceedWithoutRelay,
    /// <summary>Answer 488 Not Acceptable Here.</summary>
    Reject488,
    /// <summary>Answer 500 Server Internal Error.</summary>
    Reject500,
}
