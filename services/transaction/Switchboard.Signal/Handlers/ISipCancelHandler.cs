namespace Switchboard.Signal.Handlers;

/// <summary>
/// A handler that may own the INVITE a CANCEL targets (the proxy's response contexts). Asked before the core's own
/// CANCEL handling (200 + 487 on a pending INVITE it answers itself, 481 without one).
/// </summary>
public interface ISipCancelHandler
{
    /// <summary>True when the CANCEL was answered and acted on; false: not mine.</summary>
    bool TryCancel(SipRequestContext cancel);
}
