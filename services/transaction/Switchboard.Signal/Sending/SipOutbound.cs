using Switchboard.Contracts.Sip;
using Switchboard.Signal.Metrics;

namespace Switchboard.Signal.Sending;

/// <summary>
/// Hands bytes to <see cref="ISipSender"/> without waiting: the receive path and the workers never block on I/O.
/// A closed flow is retried once on the route's fallback; the outcome reaches <paramref name="onFailure"/> only
/// when the send failed for good.
/// </summary>
public sealed class SipOutbound
{
    private readonly ISipSender _sender;
    private readonly SignalMetrics _metrics;

    public SipOutbound(ISipSender sender, SignalMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(sender);
        ArgumentNullException.ThrowIfNull(metrics);
        _sender = sender;
        _metrics = metrics;
    }

    /// <summary>False when the send failed synchronously; later failures go to <paramref name="onFailure"/>.</summary>
    public bool Send(ReadOnlyMemory<byte> message, ResponseRoute route, Action? onFailure = null) =>
        Send(message, route, onFailure is null ? null : new ActionSink(onFailure));

    /// <summary>The same, reporting a later failure to <paramref name="onFailure"/> (no delegate per transport).</summary>
    public bool Send(ReadOnlyMemory<byte> message, ResponseRoute route, ISendFailureSink? onFailure)
    {
        ValueTask<SendResult> pending;
        try
        {
            pending = _sender.SendAsync(message, route.Primary);
        }
        catch (Exception)
        {
            _metrics.SendFailed();
            return false;
        }

        if (!pending.IsCompleted)
        {
            _ = CompleteAsync(pending, message, route, onFailure);
            return true;
        }

        SendResult result;
        try
        {
            result = pending.GetAwaiter().GetResult();
        }
        catch (Exception)
        {
            _metrics.SendFailed();
            return false;
        }

        if (result.Succeeded)
        {
            return true;
        }

        if (result.Status == SendStatus.FlowClosed && route.Fallback is { } fallback)
        {
            return Send(message, new ResponseRoute(fallback, null), onFailure);
        }

        _metrics.SendFailed();
        return false;
    }

    private async Task CompleteAsync(ValueTask<SendResult> pending, ReadOnlyMemory<byte> message, ResponseRoute route, ISendFailureSink? onFailure)
    {
        try
        {
            SendResult result = await pending.ConfigureAwait(false);
            if (!result.Succeeded && result.Status == SendStatus.FlowClosed && route.Fallback is { } fallback)
            {
                result = await _sender.SendAsync(message, fallback).ConfigureAwait(false);
            }

            if (result.Succeeded)
            {
                return;
            }
        }
        catch (Exception)
        {
            // Falls through: a throwing transport counts as a failed send.
        }

        _metrics.SendFailed();
        onFailure?.OnSendFailed();
    }

    private sealed class ActionSink(Action action) : ISendFailureSink
    {
        public void OnSendFailed() => action();
    }
}
