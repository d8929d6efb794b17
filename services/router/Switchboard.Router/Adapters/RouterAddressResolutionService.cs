using Switchboard.Router.Accounts;
using Switchboard.Router.Resolution;
using Switchboard.Router.Routing;
using Contract = Switchboard.Contracts.Routing;

namespace Switchboard.Router.Adapters;

/// <summary>
/// <see cref="Contract.IAddressResolutionService"/> over the resolver and the domain store, resolving SIP requests
/// (<see cref="RouterTraffic.RealTime"/> records).
/// </summary>
public sealed class RouterAddressResolutionService(IAddressResolver resolver, IDomainStore domains)
    : Contract.IAddressResolutionService
{
    public ValueTask<Contract.AddressResolution> ResolveAsync(string user, string domain, CancellationToken cancellationToken = default)
    {
        var address = domain.Length == 0 ? user : string.Concat(user, "@", domain);
        return ValueTask.FromResult(ToContract(resolver.Resolve(address, RouterTraffic.RealTime)));
    }

    public ValueTask<bool> IsLocalDomainAsync(string domain, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(domains.IsLocal(domain));

    public static Contract.AddressResolution ToContract(AddressResolution resolution) => resolution switch
    {
        AddressResolution.LocalAccount local => Contract.AddressResolution.Local(local.Account.User, local.Account.Domain),
        AddressResolution.Remote remote => Contract.AddressResolution.ToRemote(remote.Uri),
        AddressResolution.Gateway gateway => Contract.AddressResolution.ToGateway(gateway.Name, gateway.Target),
        AddressResolution.Rejection rejection => Contract.AddressResolution.Reject(rejection.StatusCode, rejection.Reason),
        _ => throw new ArgumentOutOfRangeException(nameof(resolution), resolution, "unknown resolution"),
    };
}
