namespace Switchboard.Router.Changes;

/// <summary>Default <see cref="IRoutingChanges"/>: raises the event synchronously on the publishing thread.</summary>
public sealed class RoutingChanges : IRoutingChanges
{
    public event Action<RoutingChanged>? Changed;

    public void Publish(RoutingChanged change) => Changed?.Invoke(change);
}
