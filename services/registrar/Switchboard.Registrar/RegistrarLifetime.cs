using Microsoft.Extensions.Hosting;
using Switchboard.Registrar.Location;
using Switchboard.Registrar.Registration;

namespace Switchboard.Registrar;

/// <summary>Starts expiry on host start; on stop, stops it and flushes the location store to SQLite.</summary>
internal sealed class RegistrarLifetime(IServiceProvider services, InMemoryLocationStore store) : IHostedService
{
    private ExpirySweeper? _sweeper;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _sweeper = (ExpirySweeper?)services.GetService(typeof(ExpirySweeper));
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _sweeper?.Dispose();
        await store.DisposeAsync().ConfigureAwait(false);
    }
}
