namespace Switchboard.Signal.Sending;

/// <summary>Told when a send that <see cref="SipOutbound"/> accepted failed for good (after any fallback).</summary>
public interface ISendFailureSink
{
    void OnSendFailed();
}
