using Switchboard.Contracts.Registrar;
using Switchboard.Contracts.Routing;
using Switchboard.Sip.Uris;

namespace Switchboard.Proxy.Targets;

/// <summary>
/// Builds the target set from the router's answer (RFC 3261 §16.5): a local account's bindings grouped by q
/// (highest first; equal q in parallel), a remote or gateway URI as a single target, a refusal as its status.
/// </summary>
public sealed class TargetSetBuilder
{
    private readonly IRegistrarService _registrar;

    public TargetSetBuilder(IRegistrarService registrar)
    {
        ArgumentNullException.ThrowIfNull(registrar);
        _registrar = registrar;
    }

    public async ValueTask<TargetSet> BuildAsync(AddressResolution resolution, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(resolution);
        switch (resolution.Kind)
        {
            case AddressResolutionKind.LocalAccount:
                IReadOnlyList<ContactBinding> bindings = await _registrar.LookupAsync(resolution.AddressOfRecord!, cancellationToken).ConfigureAwait(false);
                return FromBindings(bindings);
            case AddressResolutionKind.Remote:
            case AddressResolutionKind.Gateway:
                return SipUri.TryParse(resolution.Uri ?? "", out SipUri? uri)
                    ? TargetSet.Of([new TargetGroup(1000, [ProxyTarget.ForUri(uri)])])
                    : TargetSet.Rejected(500, "Bad Route Target");
            default:
                int status = resolution.StatusCode is >= 300 and <= 699 ? resolution.StatusCode : 404;
                return TargetSet.Rejected(status, resolution.Reason ?? "Not Found");
        }
    }

    public static TargetSet FromBindings(IReadOnlyList<ContactBinding> bindings)
    {
        var targets = new List<ProxyTarget>(bindings.Count);
        foreach (ContactBinding binding in bindings)
        {
            if (BindingTargets.From(binding) is { } target)
            {
                targets.Add(target);
            }
        }

        if (targets.Count == 0)
        {
            return TargetSet.Rejected(480, "Temporarily Unavailable");
        }

        // Stable order inside a group keeps the registrar's "most recently updated first".
        List<TargetGroup> groups = targets
            .GroupBy(t => t.QThousandths)
            .OrderByDescending(g => g.Key)
            .Select(g => new TargetGroup(g.Key, g.ToList()))
            .ToList();
        return TargetSet.Of(groups);
    }
}
