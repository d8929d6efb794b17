using Switchboard.Registrar.Location;

namespace Switchboard.Registrar.Events;

/// <summary>An existing binding was re-registered; <see cref="Previous"/> may have another contact URI
/// when an RFC 5626 instance re-registered from a new address.</summary>
public sealed record ContactRefreshed(Binding Binding, Binding Previous) : RegistrarEvent(Binding);
