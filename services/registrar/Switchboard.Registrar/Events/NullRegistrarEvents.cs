namespace Switchboard.Registrar.Events;

/// <summary>Discards events; for hosts that do not publish them.</summary>
public sealed class NullRegistrarEvents : IRegistrarEvents
{
    public static NullRegistrarEvents Instance { get; } = new();

    public void Publish(RegistrarEvent registrarEvent)
    {
    }
}
