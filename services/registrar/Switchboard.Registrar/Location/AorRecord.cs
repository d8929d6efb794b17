namespace Switchboard.Registrar.Location;

/// <summary>One AOR's bindings. Writers hold <see cref="Gate"/>; readers take <see cref="Bindings"/>
/// without locking (it is an immutable array replaced whole, already in lookup order).</summary>
internal sealed class AorRecord
{
    private volatile Binding[] _bindings = [];

    public Lock Gate { get; } = new();

    public Binding[] Bindings
    {
        get => _bindings;
        set => _bindings = value;
    }

    /// <summary>Set under <see cref="Gate"/> once the record left the table; writers that raced must retry.</summary>
    public bool Detached { get; set; }
}
