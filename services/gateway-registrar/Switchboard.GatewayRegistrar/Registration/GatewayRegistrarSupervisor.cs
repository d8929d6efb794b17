using System.Net;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Switchboard.Contracts;
using Switchboard.Contracts.Gateway;
using Switchboard.GatewayRegistrar.Gateways;
using Switchboard.GatewayRegistrar.Locating;
using Switchboard.GatewayRegistrar.Status;
using Switchboard.GatewayRegistrar.Storage;

namespace Switchboard.GatewayRegistrar.Registration;

/// <summary>
/// Runs one <see cref="GatewayRegistrationLoop"/> per enabled gateway whose lease this instance holds. Every
/// SupervisorInterval (or at once after <see cref="Wake"/>) it re-reads the table, renews its leases, takes free or
/// expired ones, and restarts loops whose settings changed. On stop it unregisters and releases its gateways.
/// Options changed at run time (IOptionsMonitor) apply from the next pass; InstanceId only at start.
/// </summary>
public sealed class GatewayRegistrarSupervisor : BackgroundService
{
    private readonly IGatewayStore _store;
    private readonly IGatewayLeases _leases;
    private readonly ISipClientRequests _client;
    private readonly IGatewayLocator _locator;
    private readonly IDisposable? _onChange;
    private volatile GatewayLoopContext _context; // swapped when the options change; loops keep the one they started with
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<string, RunningGateway> _running = new(StringComparer.OrdinalIgnoreCase); // guarded by _gate
    private TaskCompletionSource _wake = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public GatewayRegistrarSupervisor(
        IGatewayStore store, IGatewayLeases leases, ISipClientRequests client, IGatewayLocator locator,
        IOptionsMonitor<GatewayRegistrarOptions> options, GatewayStatusBoard board, GatewayRegistrarMetrics metrics,
        IEventPublisher events, TimeProvider time, ILogger<GatewayRegistrarSupervisor> logger)
    {
        _store = store;
        _leases = leases;
        _client = client;
        _locator = locator;
        var value = options.CurrentValue;
        Owner = value.InstanceId ?? $"{Environment.MachineName}:{Environment.ProcessId}:{RandomToken.Create(4)}";
        // The schedule reads the monitor itself, so running loops pick up new refresh and retry timing too.
        _context = new GatewayLoopContext(value, new RegistrationSchedule(options), board, metrics, events, time, logger, Owner);
        _onChange = options.OnChange(changed => _context = _context with { Options = changed });
    }

    /// <summary>This instance's lease owner id.</summary>
    public string Owner { get; }

    /// <summary>Names of the gateways whose loop runs here.</summary>
    public IReadOnlyList<string> ActiveGateways
    {
        get
        {
            _gate.Wait();
            try
            {
                return _running.Keys.ToArray();
            }
            finally
            {
                _gate.Release();
            }
        }
    }

    /// <summary>Applies table changes now instead of at the next interval (the admin API calls it).</summary>
    public void Wake() => Volatile.Read(ref _wake).TrySetResult();

    /// <summary>One supervision pass (public so tests and the admin API can drive it deterministically).</summary>
    public async Task TickAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            IReadOnlyList<GatewaySettings> gateways;
            try
            {
                gateways = await _store.ListAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                _context.Logger.LogError(e, "Gateway table unreadable; leases not renewed");
                await StopUnsafeLoopsAsync().ConfigureAwait(false);
                return;
            }

            await ReconcileAsync(gateways).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        await _gate.WaitAsync(CancellationToken.None).ConfigureAwait(false);
        try
        {
            foreach (var name in _running.Keys.ToArray())
            {
                await StopLoopAsync(name, unregister: true, release: true).ConfigureAwait(false);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            // A Wake() before this point is served by the pass below; one during or after it ends the wait.
            var wake = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            Volatile.Write(ref _wake, wake);
            try
            {
                await TickAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                _context.Logger.LogError(e, "Gateway supervision pass failed");
            }

            try
            {
                await Task.WhenAny(Task.Delay(_context.Options.SupervisorInterval, _context.Time, stoppingToken), wake.Task).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task ReconcileAsync(IReadOnlyList<GatewaySettings> gateways)
    {
        var enabled = gateways.Where(g => g.Enabled).ToDictionary(g => g.Name, StringComparer.OrdinalIgnoreCase);
        foreach (var (name, running) in _running.ToArray())
        {
            if (!enabled.TryGetValue(name, out var settings) || settings != running.Loop.Settings)
            {
                await StopLoopAsync(name, unregister: true, release: true).ConfigureAwait(false);
            }
        }

        foreach (var settings in enabled.Values)
        {
            await HoldAsync(settings).ConfigureAwait(false);
        }

        ReportIdle(gateways);
    }

    /// <summary>Renews (or takes) the lease of an enabled gateway and starts or stops its loop accordingly.</summary>
    private async Task HoldAsync(GatewaySettings settings)
    {
        var now = _context.Time.GetUtcNow();
        var until = now + _context.Options.LeaseDuration;
        _running.TryGetValue(settings.Name, out var running);
        bool held;
        try
        {
            held = _leases.TryAcquire(settings.Name, Owner, now, until);
        }
        catch (Exception e)
        {
            _context.Logger.LogError(e, "Lease of gateway {Gateway} not renewed", settings.Name);
            // Keep running only while our last lease is certainly still ours at the next pass.
            held = running is not null && running.LeaseUntil - _context.Options.SupervisorInterval > now;
            until = running?.LeaseUntil ?? now;
        }

        if (running is not null)
        {
            if (held)
            {
                running.LeaseUntil = until;
                return;
            }

            // Lost the lease: someone else registers the same Contact now, so leave the binding alone.
            await StopLoopAsync(settings.Name, unregister: false, release: false).ConfigureAwait(false);
        }
        else if (held)
        {
            StartLoop(settings, until);
            return;
        }

        ReportStandBy(settings.Name);
    }

    private void StartLoop(GatewaySettings settings, DateTimeOffset leaseUntil)
    {
        if (!GatewayAddress.TryParse(settings.Domain, out var address))
        {
            _context.Board.Set(new GatewayStatus(settings.Name, GatewayRegistrationState.Failed, 0, "invalid gateway domain", null, null, null, Owner));
            return;
        }

        var contact = string.IsNullOrWhiteSpace(settings.Contact)
            ? $"sip:{settings.Username}@{_context.Options.PublicAddress ?? Dns.GetHostName()}"
            : settings.Contact;
        var session = new GatewaySession(settings, address, contact, _context.Options.UserAgent, _client, _locator);
        var loop = new GatewayRegistrationLoop(settings, session, _context);
        _running[settings.Name] = new RunningGateway(loop) { LeaseUntil = leaseUntil };
        loop.Start();
    }

    private async Task StopLoopAsync(string name, bool unregister, bool release)
    {
        if (!_running.Remove(name, out var running))
        {
            return;
        }

        await running.Loop.StopAsync(unregister).ConfigureAwait(false);
        if (release)
        {
            try
            {
                _leases.Release(name, Owner);
            }
            catch (Exception e)
            {
                _context.Logger.LogWarning(e, "Lease of gateway {Gateway} not released; it expires by itself", name);
            }
        }
    }

    private async Task StopUnsafeLoopsAsync()
    {
        var now = _context.Time.GetUtcNow();
        foreach (var (name, running) in _running.ToArray())
        {
            if (running.LeaseUntil - _context.Options.SupervisorInterval <= now)
            {
                await StopLoopAsync(name, unregister: false, release: false).ConfigureAwait(false);
            }
        }
    }

    private void ReportStandBy(string name)
    {
        string? holder = null;
        try
        {
            holder = _leases.Get(name)?.Owner;
        }
        catch (Exception e)
        {
            _context.Logger.LogDebug(e, "Lease of gateway {Gateway} unreadable", name);
        }

        _context.Board.Set(new GatewayStatus(name, GatewayRegistrationState.StandBy, 0, null, null, null, null, holder));
    }

    /// <summary>Disabled gateways show as unregistered; deleted ones disappear from the board.</summary>
    private void ReportIdle(IReadOnlyList<GatewaySettings> gateways)
    {
        var names = new HashSet<string>(gateways.Select(g => g.Name), StringComparer.OrdinalIgnoreCase);
        foreach (var status in _context.Board.List())
        {
            if (!names.Contains(status.Name))
            {
                _context.Board.Remove(status.Name);
            }
        }

        foreach (var disabled in gateways.Where(g => !g.Enabled))
        {
            var last = _context.Board.Get(disabled.Name);
            _context.Board.Set(new GatewayStatus(disabled.Name, GatewayRegistrationState.Unregistered, last?.LastStatusCode ?? 0,
                last?.LastReason, last?.LastAttempt, null, null, null));
        }
    }

    private sealed class RunningGateway(GatewayRegistrationLoop loop)
    {
        public GatewayRegistrationLoop Loop { get; } = loop;

        public DateTimeOffset LeaseUntil { get; set; }
    }

    public override void Dispose()
    {
        _onChange?.Dispose();
        base.Dispose();
    }
}
