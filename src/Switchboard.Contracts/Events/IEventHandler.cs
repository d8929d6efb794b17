namespace Switchboard.Contracts.Events;

/// <summary>
/// Something in this process that acts on a bus event. Libraries implement it without knowing the bus; the host's
/// bus wiring delivers the event (see Switchboard.Hosting's per-process consumer).
/// </summary>
public interface IEventHandler<in TEvent>
    where TEvent : class
{
    void Handle(TEvent message);
}
