using System.Collections.Concurrent;

namespace Switchboard.Registrar.Location;

/// <summary>The location table in memory: a concurrent map of AOR records, one lock per AOR, lock-free
/// lookups, a bucketed expiry index, and an optional journal (SQLite write-behind) told about every commit.</summary>
public sealed class InMemoryLocationStore : ILocationStore, IAsyncDisposable
{
    private const int MaxAttempts = 64;

    private readonly ConcurrentDictionary<string, AorRecord> _records = new(StringComparer.Ordinal);
    private readonly ExpiryIndex _expiry = new();
    private readonly TimeProvider _time;
    private readonly IBindingJournal? _journal;
    private readonly IAsyncDisposable? _ownedJournal;
    private int _count;

    public InMemoryLocationStore(TimeProvider time, IBindingJournal? journal = null)
        : this(time, journal, ownsJournal: false)
    {
    }

    internal InMemoryLocationStore(TimeProvider time, IBindingJournal? journal, bool ownsJournal)
    {
        _time = time;
        _journal = journal;
        _ownedJournal = ownsJournal ? journal as IAsyncDisposable : null;
    }

    public int Count => Volatile.Read(ref _count);

    public IReadOnlyList<Binding> Lookup(string aor)
    {
        if (!_records.TryGetValue(aor, out var record))
        {
            return [];
        }
        return Unexpired(record.Bindings, _time.GetUtcNow());
    }

    public TResult Update<TState, TResult>(
        string aor, TState state, Func<TState, IReadOnlyList<Binding>, BindingUpdate<TResult>> change)
    {
        ArgumentNullException.ThrowIfNull(aor);
        ArgumentNullException.ThrowIfNull(change);
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var record = _records.GetOrAdd(aor, static _ => new AorRecord());
            lock (record.Gate)
            {
                if (record.Detached)
                {
                    continue; // lost a race with the record's removal; take the fresh one
                }
                var now = _time.GetUtcNow();
                var old = record.Bindings;
                var update = change(state, Unexpired(old, now));
                if (update.Bindings is not null)
                {
                    Commit(aor, record, old, KeepUnsweptExpired(old, update.Bindings, now));
                }
                else if (old.Length == 0)
                {
                    Detach(aor, record);
                }
                return update.Result;
            }
        }
        throw new InvalidOperationException($"Could not lock the location record of {aor}.");
    }

    public IReadOnlyList<Binding> RemoveExpired(DateTimeOffset now)
    {
        var removed = new List<Binding>();
        foreach (var candidate in _expiry.TakeDue(now))
        {
            if (candidate.IsExpiredAt(now) && _records.TryGetValue(candidate.Aor, out var record))
            {
                lock (record.Gate)
                {
                    var old = record.Bindings;
                    if (!record.Detached && Array.IndexOf(old, candidate) >= 0)
                    {
                        Commit(candidate.Aor, record, old, old.Where(b => !ReferenceEquals(b, candidate)).ToList());
                        removed.Add(candidate);
                    }
                }
            }
        }
        return removed;
    }

    /// <summary>Puts bindings loaded from persistence back without journaling them again.</summary>
    public void Restore(IEnumerable<Binding> bindings)
    {
        var now = _time.GetUtcNow();
        foreach (var group in bindings.Where(b => !b.IsExpiredAt(now)).GroupBy(b => b.Aor, StringComparer.Ordinal))
        {
            var record = _records.GetOrAdd(group.Key, static _ => new AorRecord());
            lock (record.Gate)
            {
                var loaded = group.ToArray();
                var merged = record.Bindings.Concat(loaded).ToArray();
                Array.Sort(merged, BindingOrder.Instance);
                record.Bindings = merged;
                Interlocked.Add(ref _count, loaded.Length);
                foreach (var binding in loaded)
                {
                    _expiry.Add(binding);
                }
            }
        }
    }

    public ValueTask DisposeAsync() => _ownedJournal?.DisposeAsync() ?? ValueTask.CompletedTask;

    private void Commit(string aor, AorRecord record, Binding[] old, IReadOnlyList<Binding> next)
    {
        var sorted = next.ToArray();
        Array.Sort(sorted, BindingOrder.Instance);
        foreach (var gone in old)
        {
            if (!ContainsReference(sorted, gone) && !ContainsUri(sorted, gone.ContactUri))
            {
                _journal?.Delete(aor, gone.ContactUri);
            }
        }
        foreach (var added in sorted)
        {
            if (!ContainsReference(old, added))
            {
                _journal?.Upsert(added);
                _expiry.Add(added);
            }
        }
        record.Bindings = sorted;
        Interlocked.Add(ref _count, sorted.Length - old.Length);
        if (sorted.Length == 0)
        {
            Detach(aor, record);
        }
    }

    private void Detach(string aor, AorRecord record)
    {
        record.Detached = true;
        _records.TryRemove(new KeyValuePair<string, AorRecord>(aor, record));
    }

    // Expired bindings the sweeper has not reached yet stay until it does, so it can report them as
    // expired; a re-registered contact (same URI) replaces its expired predecessor instead.
    private static IReadOnlyList<Binding> KeepUnsweptExpired(Binding[] old, IReadOnlyList<Binding> next, DateTimeOffset now)
    {
        List<Binding>? merged = null;
        foreach (var binding in old)
        {
            if (binding.IsExpiredAt(now) && !ContainsUri(next, binding.ContactUri))
            {
                merged ??= [.. next];
                merged.Add(binding);
            }
        }
        return merged ?? next;
    }

    private static IReadOnlyList<Binding> Unexpired(Binding[] bindings, DateTimeOffset now)
    {
        // No lambda here: a closure over `now` would be allocated on every call, expired bindings or not.
        var live = 0;
        foreach (var binding in bindings)
        {
            live += binding.IsExpiredAt(now) ? 0 : 1;
        }
        if (live == bindings.Length)
        {
            return bindings;
        }
        var unexpired = new Binding[live];
        var at = 0;
        foreach (var binding in bindings)
        {
            if (!binding.IsExpiredAt(now))
            {
                unexpired[at++] = binding;
            }
        }
        return unexpired;
    }

    private static bool ContainsReference(IReadOnlyList<Binding> list, Binding binding)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (ReferenceEquals(list[i], binding))
            {
                return true;
            }
        }
        return false;
    }

    private static bool ContainsUri(IReadOnlyList<Binding> list, string contactUri)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (string.Equals(list[i].ContactUri, contactUri, StringComparison.Ordinal))
            {
                return true;
            }
        }
        return false;
    }
}
