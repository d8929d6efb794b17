using System.Collections.Concurrent;

namespace Switchboard.GatewayRegistrar.Status;

/// <summary>The in-memory status table the loops write and the admin API reads.</summary>
public sealed class GatewayStatusBoard : IGatewayStatus
{
    private readonly ConcurrentDictionary<string, GatewayStatus> _entries = new(StringComparer.OrdinalIgnoreCase);

    public GatewayStatus? Get(string name) => _entries.GetValueOrDefault(name);

    public IReadOnlyList<GatewayStatus> List() => _entries.Values.OrderBy(s => s.Name, StringComparer.OrdinalIgnoreCase).ToArray();

    public void Set(GatewayStatus status) => _entries[status.Name] = status;

    public void Remove(string name) => _entries.TryRemove(name, out _);
}
