using Switchboard.Registrar.Location;

namespace Switchboard.Registrar.Events;

/// <summary>A binding reached its expiry without a refresh and was swept.</summary>
public sealed record ContactExpired(Binding Binding) : RegistrarEvent(Binding);
