using Switchboard.Contracts;
using Switchboard.Registrar.Events;
using Switchboard.Registrar.Location;
using ContractEvents = Switchboard.Contracts.Events;

namespace Switchboard.Registrar.Service.Events;

/// <summary>
/// The registrar's binding events as Contracts events on the bus (when an <see cref="IEventPublisher"/> is
/// registered). Called on the registering thread: the publisher only queues, so this stays quick.
/// </summary>
public sealed class RegistrarEventPublisher(
    TimeProvider time, ILogger<RegistrarEventPublisher> logger, IEventPublisher? publisher = null) : IRegistrarEvents
{
    public void Publish(RegistrarEvent registrarEvent)
    {
        if (publisher is null)
            return;
        var now = time.GetUtcNow();
        var pending = registrarEvent switch
        {
            ContactRegistered e => Send(new ContractEvents.ContactRegistered(
                e.Aor, e.Binding.ContactUri, e.Binding.InstanceId, Remaining(e.Binding, now), FlowText(e.Binding.Flow), now)),
            ContactRefreshed e => Send(new ContractEvents.ContactRefreshed(
                e.Aor, e.Binding.ContactUri, e.Binding.InstanceId, Remaining(e.Binding, now), FlowText(e.Binding.Flow), now)),
            ContactRemoved e => Send(new ContractEvents.ContactRemoved(
                e.Aor, e.Binding.ContactUri, e.Binding.InstanceId, 0, FlowText(e.Binding.Flow), now)),
            ContactExpired e => Send(new ContractEvents.ContactExpired(
                e.Aor, e.Binding.ContactUri, e.Binding.InstanceId, 0, FlowText(e.Binding.Flow), now)),
            _ => ValueTask.CompletedTask,
        };
        if (!pending.IsCompletedSuccessfully)
            _ = ObserveAsync(pending);
    }

    /// <summary>"udp 192.0.2.9:5062 -> 127.0.0.1:5060": where the REGISTER came from and where it arrived.</summary>
    public static string FlowText(Flow flow) =>
        $"{flow.Transport.ToLowerInvariant()} {Endpoint(flow.RemoteAddress, flow.RemotePort)} -> {Endpoint(flow.LocalAddress, flow.LocalPort)}";

    private static string Endpoint(string address, int port) =>
        address.Contains(':') ? $"[{address}]:{port}" : $"{address}:{port}";

    private static int Remaining(Binding binding, DateTimeOffset now) => (int)Math.Min(int.MaxValue, binding.RemainingSeconds(now));

    private ValueTask Send<T>(T evt) where T : class => publisher!.Publish(evt);

    private async Task ObserveAsync(ValueTask pending)
    {
        try
        {
            await pending;
        }
        catch (Exception error)
        {
            logger.LogWarning(error, "Publishing a registrar event failed");
        }
    }
}
