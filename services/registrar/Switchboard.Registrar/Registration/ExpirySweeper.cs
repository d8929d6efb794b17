using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Switchboard.Registrar.Events;
using Switchboard.Registrar.Location;

namespace Switchboard.Registrar.Registration;

/// <summary>Removes bindings when they expire: a <see cref="TimeProvider"/> timer fires every
/// ExpirySweepInterval (re-read when the settings change) and the store hands back only the due expiry buckets,
/// each raising ContactExpired.</summary>
public sealed class ExpirySweeper : IDisposable
{
    private readonly ILocationStore _store;
    private readonly TimeProvider _time;
    private readonly IRegistrarEvents _events;
    private readonly ILogger _logger;
    private readonly ITimer _timer;
    private readonly IDisposable? _onChange;
    private int _sweeping; // 1 while a sweep runs, so a slow sweep is not overlapped by the next tick

    public ExpirySweeper(
        ILocationStore store, IOptionsMonitor<RegistrarOptions> options, TimeProvider time,
        IRegistrarEvents? events = null, ILogger<ExpirySweeper>? logger = null)
    {
        _store = store;
        _time = time;
        _events = events ?? NullRegistrarEvents.Instance;
        _logger = logger ?? (ILogger)NullLogger.Instance;
        var interval = options.CurrentValue.ExpirySweepInterval;
        _timer = time.CreateTimer(static s => ((ExpirySweeper)s!).OnTick(), this, interval, interval);
        _onChange = options.OnChange(changed => _timer.Change(changed.ExpirySweepInterval, changed.ExpirySweepInterval));
    }

    /// <summary>Sweeps now; returns how many bindings expired.</summary>
    public int Sweep()
    {
        var expired = _store.RemoveExpired(_time.GetUtcNow());
        foreach (var binding in expired)
        {
            _events.Publish(new ContactExpired(binding));
        }
        return expired.Count;
    }

    public void Dispose()
    {
        _onChange?.Dispose();
        _timer.Dispose();
    }

    private void OnTick()
    {
        if (Interlocked.Exchange(ref _sweeping, 1) == 1)
        {
            return;
        }
        try
        {
            Sweep();
        }
        catch (Exception ex)
        {
            // A failing sink must not stop expiry for everyone else.
            _logger.LogError(ex, "Expiry sweep failed");
        }
        finally
        {
            Volatile.Write(ref _sweeping, 0);
        }
    }
}
