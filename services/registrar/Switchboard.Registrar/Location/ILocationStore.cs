namespace Switchboard.Registrar.Location;

/// <summary>The AOR → bindings table (Kamailio's usrloc). All changes to one AOR go through
/// <see cref="Update{TState, TResult}"/>, which runs atomically with respect to that AOR.</summary>
public interface ILocationStore : ILocationService
{
    /// <summary>Calls <paramref name="change"/> with the AOR's unexpired bindings under the AOR's lock and
    /// commits the binding list it returns (null: no change). Keep <paramref name="change"/> short and pure.</summary>
    TResult Update<TState, TResult>(
        string aor, TState state, Func<TState, IReadOnlyList<Binding>, BindingUpdate<TResult>> change);

    /// <summary>Removes bindings whose expiry has passed and returns them.</summary>
    IReadOnlyList<Binding> RemoveExpired(DateTimeOffset now);

    /// <summary>Number of stored bindings (expired ones not yet swept included).</summary>
    int Count { get; }
}
