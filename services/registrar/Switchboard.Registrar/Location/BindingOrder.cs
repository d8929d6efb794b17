namespace Switchboard.Registrar.Location;

/// <summary>Lookup order: q descending, then most recently updated first.</summary>
internal sealed class BindingOrder : IComparer<Binding>
{
    public static BindingOrder Instance { get; } = new();

    public int Compare(Binding? x, Binding? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }
        if (x is null)
        {
            return 1;
        }
        if (y is null)
        {
            return -1;
        }
        var byQ = y.Q.SortKey.CompareTo(x.Q.SortKey);
        return byQ != 0 ? byQ : y.UpdatedAt.CompareTo(x.UpdatedAt);
    }
}
