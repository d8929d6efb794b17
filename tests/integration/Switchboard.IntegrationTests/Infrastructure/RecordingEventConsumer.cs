using System.Collections.Concurrent;
using MassTransit;
using Switchboard.Contracts.Events;

namespace Switchboard.IntegrationTests.Infrastructure;

/// <summary>
/// A MassTransit bus of the test's own on the deployment's RabbitMQ: a temporary queue bound to the
/// <c>ContactRegistered</c> exchange the services publish to, recording every event it receives.
/// </summary>
public sealed class RecordingEventConsumer : IAsyncDisposable
{
    private readonly ConcurrentQueue<ContactRegistered> _registered = new();
    private readonly IBusControl _bus;

    private RecordingEventConsumer(Uri broker)
    {
        var parts = broker.UserInfo.Split(':', 2);
        var host = new UriBuilder(broker) { UserName = "", Password = "" }.Uri;
        _bus = Bus.Factory.CreateUsingRabbitMq(cfg =>
        {
            cfg.Host(host, h =>
            {
                h.Username(Uri.UnescapeDataString(parts[0]));
                h.Password(parts.Length > 1 ? Uri.UnescapeDataString(parts[1]) : "");
            });
            cfg.ReceiveEndpoint(new TemporaryEndpointDefinition(), e =>
                e.Handler<ContactRegistered>(context =>
                {
                    _registered.Enqueue(context.Message);
                    return Task.CompletedTask;
                }));
        });
    }

    public static async Task<RecordingEventConsumer> StartAsync(Uri broker)
    {
        var consumer = new RecordingEventConsumer(broker);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await consumer._bus.StartAsync(timeout.Token);
        return consumer;
    }

    /// <summary>The first recorded event whose AOR contains <paramref name="aor"/> whose contact contains <paramref name="contactPart"/>, or null.</summary>
    public async Task<ContactRegistered?> WaitForAsync(string aor, string contactPart, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var match = _registered.FirstOrDefault(e => e.Aor.Contains(aor, StringComparison.Ordinal) && e.ContactUri.Contains(contactPart, StringComparison.Ordinal));
            if (match is not null || DateTime.UtcNow >= deadline)
            {
                return match;
            }
            await Task.Delay(100);
        }
    }

    public string Describe() => string.Join("\n", _registered.Select(e => $"{e.Aor} {e.ContactUri}"));

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        await _bus.StopAsync(timeout.Token);
    }
}
