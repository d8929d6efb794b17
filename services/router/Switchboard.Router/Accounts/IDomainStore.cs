namespace Switchboard.Router.Accounts;

/// <summary>The local domains this server is authoritative for (each is also the Digest realm).</summary>
public interface IDomainStore
{
    bool IsLocal(string domain);

    IReadOnlyList<string> ListDomains();

    AdminOutcome AddDomain(string domain);

    /// <summary>Removes the domain with its accounts, aliases and forwarders.</summary>
    AdminOutcome RemoveDomain(string domain);
}
