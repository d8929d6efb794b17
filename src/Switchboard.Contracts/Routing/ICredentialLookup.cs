namespace Switchboard.Contracts.Routing;

/// <summary>Finds a local account's credentials (the router owns accounts; a direct call or gRPC).</summary>
public interface ICredentialLookup
{
    /// <summary>The account <paramref name="user"/>@<paramref name="domain"/>, or null when there is none.</summary>
    ValueTask<AccountCredentials?> FindAsync(string user, string domain, CancellationToken cancellationToken = default);
}
