using Switchboard.Registrar.Location;

namespace Switchboard.Registrar.Events;

/// <summary>Base of the registrar's binding events; <see cref="Binding"/> is the binding concerned.</summary>
public abstract record RegistrarEvent(Binding Binding)
{
    public string Aor => Binding.Aor;
}
