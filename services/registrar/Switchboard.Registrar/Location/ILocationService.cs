namespace Switchboard.Registrar.Location;

/// <summary>What the proxy asks the location service: where can this AOR be reached right now.</summary>
public interface ILocationService
{
    /// <summary>Unexpired bindings of <paramref name="aor"/>, highest q first, then most recently updated.</summary>
    IReadOnlyList<Binding> Lookup(string aor);
}
