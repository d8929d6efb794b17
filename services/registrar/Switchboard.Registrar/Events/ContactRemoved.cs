using Switchboard.Registrar.Location;

namespace Switchboard.Registrar.Events;

/// <summary>A binding was removed before it expired.</summary>
public sealed record ContactRemoved(Binding Binding, ContactRemovalReason Reason) : RegistrarEvent(Binding);
