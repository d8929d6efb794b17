using Switchboard.Contracts.Sip;
using Switchboard.Signal.Metrics;
using Switchboard.Sip;

namespace Switchboard.Signal;

/// <summary>Until the proxy exists nothing forwards stray responses: count them and drop them.</summary>
public sealed class DroppingResponseHandler : IStatelessResponseHandler
{
    private readonly SignalMetrics _metrics;

    public DroppingResponseHandler(SignalMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        _metrics = metrics;
    }

    public void OnResponse(SipMessage response, in ReceivedMessage received) => _metrics.UnmatchedResponse();
}
