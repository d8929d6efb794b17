using System.Buffers;

namespace Switchboard.Sip.Writing;

/// <summary>
/// A reusable list of splices over one received message (Kamailio's "lumps"). Edits are recorded as offsets plus
/// inserted bytes kept in a pooled scratch buffer; <see cref="WriteTo"/> streams the source with the edits applied
/// straight into the output writer. After the first few messages, recording and writing allocate nothing.
/// Not thread-safe: one list per forwarding worker, <see cref="Reset"/> between messages.
/// </summary>
public sealed class EditList : IDisposable
{
    private Splice[] _splices = new Splice[16];
    private int _count;
    private byte[] _scratch;
    private int _scratchLength;
    private int _sequence;

    public EditList(int initialScratchSize = 1024) => _scratch = ArrayPool<byte>.Shared.Rent(initialScratchSize);

    public int Count => _count;

    public ReadOnlySpan<Splice> Splices => _splices.AsSpan(0, _count);

    /// <summary>Net change in length once applied.</summary>
    public int LengthDelta { get; private set; }

    public void Reset()
    {
        _count = 0;
        _scratchLength = 0;
        _sequence = 0;
        LengthDelta = 0;
    }

    public void Insert(int offset, ReadOnlySpan<byte> bytes) => Replace(offset, 0, bytes);

    public void Remove(int offset, int length) => Replace(offset, length, default);

    /// <summary>Records "remove <paramref name="removeLength"/> bytes at <paramref name="offset"/>, write <paramref name="bytes"/>".</summary>
    /// <exception cref="InvalidOperationException">The removal overlaps a range another edit already removes.</exception>
    public void Replace(int offset, int removeLength, ReadOnlySpan<byte> bytes)
    {
        Span<byte> target = BeginInsert(bytes.Length);
        bytes.CopyTo(target);
        Commit(offset, removeLength, bytes.Length);
    }

    /// <summary>Space for inserted bytes written in place (no temporary copy); finish with <see cref="Commit"/>.</summary>
    public Span<byte> BeginInsert(int sizeHint)
    {
        if (_scratch.Length - _scratchLength < sizeHint)
        {
            byte[] bigger = ArrayPool<byte>.Shared.Rent(Math.Max(_scratch.Length * 2, _scratchLength + sizeHint));
            _scratch.AsSpan(0, _scratchLength).CopyTo(bigger);
            if (_scratch.Length > 0)
            {
                ArrayPool<byte>.Shared.Return(_scratch); // empty only after Dispose
            }

            _scratch = bigger;
        }

        return _scratch.AsSpan(_scratchLength);
    }

    /// <summary>Records an edit whose inserted bytes were written into the span from <see cref="BeginInsert"/>.</summary>
    public void Commit(int offset, int removeLength, int insertedLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfNegative(removeLength);
        if (removeLength > 0)
        {
            foreach (ref readonly Splice s in Splices)
            {
                if (s.RemoveLength > 0 && offset < s.End && s.Offset < offset + removeLength)
                {
                    throw new InvalidOperationException(
                        $"Edit [{offset}, {offset + removeLength}) overlaps an earlier edit [{s.Offset}, {s.End}).");
                }

                if (s.RemoveLength == 0 && s.Offset > offset && s.Offset < offset + removeLength)
                {
                    throw new InvalidOperationException($"Edit [{offset}, {offset + removeLength}) removes the place of an insert at {s.Offset}.");
                }
            }
        }
        else
        {
            foreach (ref readonly Splice s in Splices)
            {
                if (s.RemoveLength > 0 && offset > s.Offset && offset < s.End)
                {
                    throw new InvalidOperationException($"Insert at {offset} falls inside removed range [{s.Offset}, {s.End}).");
                }
            }
        }

        if (_count == _splices.Length)
        {
            Array.Resize(ref _splices, _splices.Length * 2);
        }

        _splices[_count++] = new Splice(offset, removeLength, _scratchLength, insertedLength, _sequence++);
        _scratchLength += insertedLength;
        LengthDelta += insertedLength - removeLength;
    }

    /// <summary>Drops the pure removals lying inside [start, end) (used to re-plan the removals of one header line).</summary>
    public void ClearRemovals(int start, int end)
    {
        int kept = 0;
        for (int i = 0; i < _count; i++)
        {
            Splice s = _splices[i];
            if (s.InsertLength == 0 && s.RemoveLength > 0 && s.Offset >= start && s.End <= end)
            {
                LengthDelta += s.RemoveLength;
                continue;
            }

            _splices[kept++] = s;
        }

        _count = kept;
    }

    /// <summary>Writes <paramref name="source"/> with every edit applied, in one pass, without intermediate copies.</summary>
    public void WriteTo(ReadOnlySpan<byte> source, IBufferWriter<byte> writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        SortSplices();
        int cursor = 0;
        foreach (ref readonly Splice s in Splices)
        {
            if (s.End > source.Length)
            {
                throw new InvalidOperationException($"Edit [{s.Offset}, {s.End}) lies beyond the {source.Length}-byte message.");
            }

            writer.Write(source[cursor..s.Offset]);
            writer.Write(_scratch.AsSpan(s.InsertStart, s.InsertLength));
            cursor = s.End;
        }

        writer.Write(source[cursor..]);
    }

    public void Dispose()
    {
        byte[] scratch = _scratch;
        _scratch = [];
        _scratchLength = 0;
        _count = 0;
        if (scratch.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(scratch);
        }
    }

    // Insertion sort: a forwarded request has a handful of edits, usually recorded almost in order.
    private void SortSplices()
    {
        Span<Splice> splices = _splices.AsSpan(0, _count);
        for (int i = 1; i < splices.Length; i++)
        {
            Splice current = splices[i];
            int j = i - 1;
            while (j >= 0 && Splice.Compare(splices[j], current) > 0)
            {
                splices[j + 1] = splices[j];
                j--;
            }

            splices[j + 1] = current;
        }
    }
}
