using Switchboard.Contracts.Routing;

namespace Switchboard.Proxy.Tests.Doubles;

/// <summary>Local domains and accounts in memory; unknown users of a local domain are rejected with 404.</summary>
internal sealed class RecordingRouter : IAddressResolutionService
{
    public HashSet<string> LocalDomains { get; } = new(StringComparer.OrdinalIgnoreCase) { "example.com" };

    public Dictionary<string, AddressResolution> Accounts { get; } = new(StringComparer.OrdinalIgnoreCase);

    public List<string> Resolved { get; } = [];

    public RecordingRouter AddAccount(string user, string domain = "example.com")
    {
        Accounts[$"{user}@{domain}"] = AddressResolution.Local(user, domain);
        return this;
    }

    public ValueTask<AddressResolution> ResolveAsync(string user, string domain, CancellationToken cancellationToken = default)
    {
        Resolved.Add($"{user}@{domain}");
        return ValueTask.FromResult(Accounts.TryGetValue($"{user}@{domain}", out AddressResolution? resolution)
            ? resolution
            : AddressResolution.Reject(404, "Not Found"));
    }

    public ValueTask<bool> IsLocalDomainAsync(string domain, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(LocalDomains.Contains(domain));
}
