using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Switchboard.Hosting.Discovery;

/// <summary>
/// Registers this instance with the Consul agent once the server listens (StartedAsync, so the bound port
/// is known) and deregisters it when the host begins to stop. A Consul outage is logged, not fatal:
/// the service keeps serving and Consul's check-based cleanup handles the rest.
/// </summary>
internal sealed partial class ConsulRegistrationService(
    ConsulClient consul,
    IOptions<ConsulOptions> options,
    IHostEnvironment environment,
    IServiceProvider services,
    ILogger<ConsulRegistrationService> logger) : IHostedLifecycleService
{
    private string? _registeredId;

    public async Task StartedAsync(CancellationToken cancellationToken)
    {
        var registration = ConsulRegistrationBuilder.Build(options.Value, environment.ApplicationName, ListenAddresses());
        if (registration is null)
        {
            LogNoPort(logger);
            return;
        }

        try
        {
            await consul.Register(registration, cancellationToken);
            _registeredId = registration.Id;
            LogRegistered(logger, registration.Id, registration.Address, registration.Port);
        }
        catch (Exception ex) when (ex is HttpRequestException or ConsulException or TaskCanceledException)
        {
            LogFailed(logger, registration.Id, ex);
        }
    }

    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        if (_registeredId is not { } id)
        {
            return;
        }

        try
        {
            await consul.Deregister(id, cancellationToken);
            _registeredId = null;
        }
        catch (Exception ex) when (ex is HttpRequestException or ConsulException or TaskCanceledException)
        {
            LogFailed(logger, id, ex);
        }
    }

    private IReadOnlyList<Uri> ListenAddresses()
    {
        var addresses = (services.GetService(typeof(IServer)) as IServer)?.Features.Get<IServerAddressesFeature>()?.Addresses;
        return addresses?.Select(a => Uri.TryCreate(a, UriKind.Absolute, out var u) ? u : null).OfType<Uri>().ToArray() ?? [];
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Registered {ServiceId} at {Address}:{Port} with Consul")]
    private static partial void LogRegistered(ILogger logger, string serviceId, string address, int port);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Consul (de)registration of {ServiceId} failed")]
    private static partial void LogFailed(ILogger logger, string serviceId, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Not registering with Consul: no Consul:ServicePort and no listening address")]
    private static partial void LogNoPort(ILogger logger);
}
