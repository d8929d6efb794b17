namespace Switchboard.Sip.Writing;

/// <summary>
/// One edit of the received bytes: at <see cref="Offset"/> remove <see cref="RemoveLength"/> bytes and write the
/// inserted bytes instead. Inserted bytes live in the owning <see cref="EditList"/>'s scratch buffer.
/// </summary>
public readonly record struct Splice(int Offset, int RemoveLength, int InsertStart, int InsertLength, int Sequence)
{
    public int End => Offset + RemoveLength;

    /// <summary>Write order: by offset; at one offset pure inserts before removals, then in the order added.</summary>
    internal static int Compare(in Splice a, in Splice b)
    {
        int c = a.Offset.CompareTo(b.Offset);
        if (c != 0)
        {
            return c;
        }

        c = (a.RemoveLength > 0).CompareTo(b.RemoveLength > 0);
        return c != 0 ? c : a.Sequence.CompareTo(b.Sequence);
    }
}
