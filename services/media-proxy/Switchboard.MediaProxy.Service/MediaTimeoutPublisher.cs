using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Switchboard.Contracts;
using ContractEvent = Switchboard.Contracts.Events.MediaSessionTimedOut;

namespace Switchboard.MediaProxy.Service;

/// <summary>
/// Publishes each relay timeout as the Contracts <see cref="ContractEvent"/> (SessionId = "instance/Call-ID", since
/// a Call-ID is unique per instance only). Without an <see cref="IEventPublisher"/> in the container it does nothing.
/// </summary>
internal sealed partial class MediaTimeoutPublisher(
    IMediaRelay relay,
    IServiceProvider services,
    IOptions<MediaProxyServiceOptions> options,
    ILogger<MediaTimeoutPublisher> logger) : IHostedService
{
    private readonly string _instanceId = options.Value.ResolvedInstanceId;
    private IEventPublisher? _publisher;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _publisher = services.GetService(typeof(IEventPublisher)) as IEventPublisher;
        if (_publisher is not null)
            relay.SessionTimedOut += OnTimedOut;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        relay.SessionTimedOut -= OnTimedOut;
        return Task.CompletedTask;
    }

    // Runs on the relay's timer thread; the publisher queues without blocking, so awaiting here holds nothing up.
    private async void OnTimedOut(MediaSessionTimedOut timedOut)
    {
        try
        {
            await _publisher!.Publish(new ContractEvent(timedOut.CallId, $"{_instanceId}/{timedOut.CallId}", timedOut.At));
        }
        catch (Exception e)
        {
            LogPublishFailed(logger, timedOut.CallId, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Publishing MediaSessionTimedOut for {CallId} failed")]
    private static partial void LogPublishFailed(ILogger logger, string callId, Exception exception);
}
