using System.Collections.Concurrent;
using Switchboard.Contracts.Routing;
using Switchboard.Router.Accounts;
using Switchboard.Router.Changes;

namespace Switchboard.Router.Adapters;

/// <summary>
/// <see cref="ICredentialLookup"/> over the account store (the all-in-one host and the gRPC server use it).
/// Every REGISTER and INVITE asks, so answers (misses too) are cached until the next account or domain change.
/// </summary>
public sealed class RouterCredentialLookup : ICredentialLookup, IDisposable
{
    private readonly IAccountStore _accounts;
    private readonly IRoutingChanges _changes;
    private readonly int _maxEntries;
    private readonly ConcurrentDictionary<(string User, string Domain), AccountCredentials?> _cache = new();
    private long _generation;

    public RouterCredentialLookup(IAccountStore accounts, IRoutingChanges changes, int maxEntries = 100_000)
    {
        _accounts = accounts;
        _changes = changes;
        _maxEntries = Math.Max(1, maxEntries);
        _changes.Changed += OnChanged;
    }

    public int Count => _cache.Count;

    public ValueTask<AccountCredentials?> FindAsync(string user, string domain, CancellationToken cancellationToken = default)
    {
        var key = (user, domain.ToLowerInvariant());
        if (_cache.TryGetValue(key, out var cached))
            return ValueTask.FromResult(cached);
        var generation = Interlocked.Read(ref _generation);
        var account = _accounts.FindAccount(user, key.Item2);
        var found = account is null ? null : new AccountCredentials(account.User, account.Domain, account.Ha1Md5, account.Ha1Sha256, account.NtHash);
        if (_cache.Count >= _maxEntries)
            _cache.Clear();
        _cache[key] = found;
        // A change raced with this read: drop what may be stale.
        if (Interlocked.Read(ref _generation) != generation)
            _cache.TryRemove(key, out _);
        return ValueTask.FromResult(found);
    }

    public void Dispose() => _changes.Changed -= OnChanged;

    private void OnChanged(RoutingChanged change)
    {
        if (change.Kind is not (RoutingChangeKind.Accounts or RoutingChangeKind.Domains))
            return;
        Interlocked.Increment(ref _generation);
        _cache.Clear();
    }
}
