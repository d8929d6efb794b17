using Switchboard.Contracts.Routing;

namespace Switchboard.Signal.Tests.Doubles;

/// <summary>Local domains and accounts like the router would resolve them; records the questions.</summary>
internal sealed class RecordingAddressResolution : IAddressResolutionService
{
    private readonly HashSet<string> _domains = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _accounts = new(StringComparer.Ordinal);
    private readonly List<string> _questions = [];

    public IReadOnlyList<string> Questions => _questions;

    public RecordingAddressResolution Domain(string domain)
    {
        _domains.Add(domain);
        return this;
    }

    public RecordingAddressResolution Account(string user, string domain)
    {
        _accounts.Add(user + "@" + domain);
        return this;
    }

    public ValueTask<AddressResolution> ResolveAsync(string user, string domain, CancellationToken cancellationToken = default)
    {
        lock (_questions) _questions.Add("resolve " + user + "@" + domain);
        if (!_domains.Contains(domain))
        {
            return ValueTask.FromResult(AddressResolution.ToRemote($"sip:{user}@{domain}"));
        }

        return ValueTask.FromResult(_accounts.Contains(user + "@" + domain)
            ? AddressResolution.Local(user, domain)
            : AddressResolution.Reject(404, "Not Found"));
    }

    public ValueTask<bool> IsLocalDomainAsync(string domain, CancellationToken cancellationToken = default)
    {
        lock (_questions) _questions.Add("local " + domain);
        return ValueTask.FromResult(_domains.Contains(domain));
    }
}
