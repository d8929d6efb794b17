using Microsoft.Extensions.Logging;
using Switchboard.Contracts.Events;
using Switchboard.Contracts.Gateway;
using Switchboard.GatewayRegistrar.Status;

namespace Switchboard.GatewayRegistrar.Registration;

/// <summary>
/// Keeps one gateway registered: REGISTER, then refresh ahead of the granted expiry, or back off after a failure;
/// on stop, unregister (Expires: 0) when a binding may still be live. One instance runs only while it holds the lease.
/// </summary>
internal sealed class GatewayRegistrationLoop
{
    private readonly GatewaySession _session;
    private readonly GatewayLoopContext _context;
    private readonly CancellationTokenSource _stop = new();
    private Task _run = Task.CompletedTask;
    private DateTimeOffset? _expires; // only touched by the loop, then by StopAsync after the loop ended
    private int _failures;

    public GatewayRegistrationLoop(GatewaySettings settings, GatewaySession session, GatewayLoopContext context)
    {
        Settings = settings;
        _session = session;
        _context = context;
    }

    public GatewaySettings Settings { get; }

    public void Start()
    {
        Report(GatewayRegistrationState.Registering, 0, null, _context.Time.GetUtcNow());
        _run = Task.Run(() => RunAsync(_stop.Token));
    }

    /// <summary>Ends the loop; with <paramref name="unregister"/>, removes our binding (bounded by UnregisterTimeout).</summary>
    public async Task StopAsync(bool unregister)
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _run.ConfigureAwait(false);
        var live = unregister && _expires is { } expires && expires > _context.Time.GetUtcNow();
        _expires = null;
        if (live)
        {
            await UnregisterAsync().ConfigureAwait(false);
        }

        _context.Metrics.Unregistered(Settings.Name);
        _stop.Dispose();
    }

    /// <summary>One attempt; returns how long to wait before the next.</summary>
    internal async Task<TimeSpan> StepAsync(CancellationToken cancellationToken)
    {
        var name = Settings.Name;
        _context.Metrics.Attempted(name);
        RegistrationAttempt attempt;
        try
        {
            attempt = await _session.RegisterAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            _context.Logger.LogWarning(e, "Gateway {Gateway}: REGISTER failed locally", name);
            attempt = RegistrationAttempt.Failure(500, "local error: " + e.Message);
        }

        var now = _context.Time.GetUtcNow();
        return attempt.Registered ? await OnRegisteredAsync(attempt, now).ConfigureAwait(false) : await OnFailedAsync(attempt, now).ConfigureAwait(false);
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var delay = await StepAsync(cancellationToken).ConfigureAwait(false);
                await Task.Delay(delay, _context.Time, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // stopped
        }
    }

    private async Task<TimeSpan> OnRegisteredAsync(RegistrationAttempt attempt, DateTimeOffset now)
    {
        _failures = 0;
        _expires = now + attempt.Granted;
        var delay = _context.Schedule.RefreshDelay(attempt.Granted);
        _context.Metrics.Registered(Settings.Name, attempt.Granted);
        Report(GatewayRegistrationState.Registered, attempt.StatusCode, attempt.Reason, now, now + delay);
        _context.Logger.LogInformation("Gateway {Gateway}: registered for {Granted}s, refresh in {Delay}", Settings.Name, attempt.Granted.TotalSeconds, delay);
        await PublishAsync(new GatewayRegistered(Settings.Name, attempt.StatusCode, attempt.Reason, now + delay, now)).ConfigureAwait(false);
        return delay;
    }

    private async Task<TimeSpan> OnFailedAsync(RegistrationAttempt attempt, DateTimeOffset now)
    {
        _failures++;
        if (_expires <= now)
        {
            _expires = null;
        }

        var delay = _context.Schedule.RetryDelay(_failures, attempt.RetryAfter);
        _context.Metrics.Failed(Settings.Name, stillRegistered: _expires is not null);
        Report(GatewayRegistrationState.Failed, attempt.StatusCode, attempt.Reason, now, now + delay);
        _context.Logger.LogWarning("Gateway {Gateway}: {Status} {Reason}, retry in {Delay}", Settings.Name, attempt.StatusCode, attempt.Reason, delay);
        await PublishAsync(new GatewayRegistrationFailed(Settings.Name, attempt.StatusCode, attempt.Reason, now + delay, now)).ConfigureAwait(false);
        return delay;
    }

    private async Task UnregisterAsync()
    {
        using var timeout = new CancellationTokenSource(_context.Options.UnregisterTimeout, _context.Time);
        try
        {
            var result = await _session.UnregisterAsync(timeout.Token).ConfigureAwait(false);
            _context.Logger.LogInformation("Gateway {Gateway}: unregistered ({Status} {Reason})", Settings.Name, result.StatusCode, result.Reason);
            Report(GatewayRegistrationState.Unregistered, result.StatusCode, result.Reason, _context.Time.GetUtcNow());
        }
        catch (OperationCanceledException)
        {
            _context.Logger.LogWarning("Gateway {Gateway}: unregister timed out", Settings.Name);
        }
    }

    private void Report(GatewayRegistrationState state, int status, string? reason, DateTimeOffset at, DateTimeOffset? next = null) =>
        _context.Board.Set(new GatewayStatus(Settings.Name, state, status, reason, status == 0 ? null : at, next, _expires, _context.Owner));

    private async ValueTask PublishAsync<T>(T evt) where T : class
    {
        try
        {
            await _context.Events.Publish(evt).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            _context.Logger.LogWarning(e, "Gateway {Gateway}: event {Event} not published", Settings.Name, typeof(T).Name);
        }
    }
}
