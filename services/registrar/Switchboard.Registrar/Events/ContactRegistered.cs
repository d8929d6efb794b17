using Switchboard.Registrar.Location;

namespace Switchboard.Registrar.Events;

/// <summary>A contact the AOR did not have is now bound.</summary>
public sealed record ContactRegistered(Binding Binding) : RegistrarEvent(Binding);
