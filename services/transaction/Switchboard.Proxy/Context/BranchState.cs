namespace Switchboard.Proxy.Context;

/// <summary>Where one branch's client transaction is, as the response context sees it (RFC 3261 §16.7).</summary>
public enum BranchState : byte
{
    /// <summary>Sent; no response yet (a CANCEL must wait for a provisional: §9.1).</summary>
    Calling,

    /// <summary>A provisional arrived: a CANCEL can be sent.</summary>
    Proceeding,

    /// <summary>A final response (or a timeout, a transport error, a local 487) decided this branch.</summary>
    Completed,
}
