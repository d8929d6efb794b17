using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Switchboard.Contracts;
using Switchboard.Contracts.Events;
using Switchboard.Proxy.Metrics;

namespace Switchboard.Proxy.Calls;

/// <summary>
/// Turns proxied INVITEs and BYEs into CallStarted / CallAnswered / CallEnded events and the dialog gauge.
/// A call that was answered without our Record-Route ends from our point of view at the answer: its BYE
/// will not pass through us.
/// </summary>
public sealed class CallRecorder
{
    private readonly ConcurrentDictionary<string, CallRecord> _calls = new(StringComparer.Ordinal);
    private readonly IEventPublisher? _events;
    private readonly ProxyMetrics _metrics;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    /// <param name="events">Null in a process without a bus: calls are still counted, no events go out.</param>
    public CallRecorder(IEventPublisher? events, ProxyMetrics metrics, TimeProvider time, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(logger);
        _logger = logger;
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentNullException.ThrowIfNull(time);
        _events = events;
        _metrics = metrics;
        _time = time;
    }

    public int Count => _calls.Count;

    public void Started(string callId, string from, string to)
    {
        var call = new CallRecord(callId, from, to, _time.GetUtcNow());
        if (_calls.TryAdd(callId, call))
        {
            Publish(new CallStarted(callId, from, to, call.StartedAt));
        }
    }

    /// <summary>The first 2xx to the initial INVITE went upstream.</summary>
    public void Answered(string callId, int status, bool recordRouted)
    {
        if (!_calls.TryGetValue(callId, out CallRecord? call) || call.AnsweredAt is not null)
        {
            return;
        }

        call.AnsweredAt = _time.GetUtcNow();
        call.RecordRouted = recordRouted;
        Publish(new CallAnswered(callId, call.From, call.To, call.StartedAt, call.AnsweredAt.Value, status));
        if (recordRouted)
        {
            _metrics.DialogOpened();
        }
        else
        {
            _calls.TryRemove(callId, out _);
        }
    }

    /// <summary>The initial INVITE failed (final non-2xx), or a BYE of an answered call was answered.</summary>
    public void Ended(string callId, int status, string reason)
    {
        if (!_calls.TryRemove(callId, out CallRecord? call))
        {
            return;
        }

        if (call.AnsweredAt is not null && call.RecordRouted)
        {
            _metrics.DialogClosed();
        }

        Publish(new CallEnded(callId, call.From, call.To, call.StartedAt, call.AnsweredAt, _time.GetUtcNow(), status, reason));
    }

    public bool IsAnswered(string callId) => _calls.TryGetValue(callId, out CallRecord? call) && call.AnsweredAt is not null;

    private void Publish<T>(T evt) where T : class
    {
        // The publisher queues and never blocks; a failing bus must not fail a call, only be logged.
        if (_events is null)
        {
            return;
        }

        try
        {
            ValueTask pending = _events.Publish(evt);
            if (!pending.IsCompletedSuccessfully)
            {
                _ = ObserveAsync(pending, typeof(T).Name);
            }
        }
        catch (Exception e)
        {
            _logger.LogWarning(e, "Publishing {Event} failed", typeof(T).Name);
        }
    }

    private async Task ObserveAsync(ValueTask pending, string name)
    {
        try
        {
            await pending.ConfigureAwait(false);
        }
        catch (Exception e)
        {
            _logger.LogWarning(e, "Publishing {Event} failed", name);
        }
    }
}
