namespace Switchboard.Registrar.Location;

/// <summary>What an <see cref="ILocationStore.Update{TState, TResult}"/> callback decided: the new binding
/// list for the AOR (null: leave it as it is) and a value handed back to the caller.</summary>
public readonly record struct BindingUpdate<TResult>(IReadOnlyList<Binding>? Bindings, TResult Result)
{
    public static BindingUpdate<TResult> Unchanged(TResult result) => new(null, result);
}
