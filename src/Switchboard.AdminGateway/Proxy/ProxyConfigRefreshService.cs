using Microsoft.Extensions.Options;

namespace Switchboard.AdminGateway.Proxy;

/// <summary>Asks the service locator for backend instances at start and then every <c>AdminGateway:RefreshInterval</c>.</summary>
internal sealed class ProxyConfigRefreshService(
    LocatorProxyConfigProvider provider,
    IOptions<AdminGatewayOptions> options,
    TimeProvider time) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.RefreshInterval, time);
        try
        {
            do
            {
                await provider.Refresh(stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }
}
