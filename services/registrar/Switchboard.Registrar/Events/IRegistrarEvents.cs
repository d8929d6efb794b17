namespace Switchboard.Registrar.Events;

/// <summary>Where the registrar reports binding changes; the host forwards them to the bus.
/// Called after the AOR lock is released, on the registering (or sweeping) thread: keep it quick.</summary>
public interface IRegistrarEvents
{
    void Publish(RegistrarEvent registrarEvent);
}
