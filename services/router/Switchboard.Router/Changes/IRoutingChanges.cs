namespace Switchboard.Router.Changes;

/// <summary>
/// In-process change feed. The stores publish after every committed write; caches subscribe.
/// A host bridges it to the message bus (publish locally received bus events here too).
/// </summary>
public interface IRoutingChanges
{
    event Action<RoutingChanged>? Changed;

    void Publish(RoutingChanged change);
}
