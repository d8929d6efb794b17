namespace Switchboard.Contracts.Routing;

/// <summary>Resolves <c>user@domain</c> through the router (a direct call all-in-one, gRPC when distributed).</summary>
public interface IAddressResolutionService
{
    ValueTask<AddressResolution> ResolveAsync(string user, string domain, CancellationToken cancellationToken = default);

    /// <summary>Whether <paramref name="domain"/> is one of the server's local domains.</summary>
    ValueTask<bool> IsLocalDomainAsync(string domain, CancellationToken cancellationToken = default);
}
