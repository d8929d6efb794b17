using Switchboard.Router.Accounts;

namespace Switchboard.Router.Routing;

/// <summary>Aliases, forwarders and the Router table.</summary>
public interface IRoutingStore
{
    Alias? FindAlias(string name, string domain);

    IReadOnlyList<Alias> ListAliases(string domain);

    /// <summary>Fails with UnknownDomain, NotFound (no such account) or AlreadyExists (name taken).</summary>
    AdminOutcome AddAlias(Alias alias);

    AdminOutcome RemoveAlias(string name, string domain);

    Forwarder? FindForwarder(string name, string domain);

    IReadOnlyList<Forwarder> ListForwarders(string domain);

    /// <summary>Creates or replaces a forwarder; fails if the name is an account or alias.</summary>
    AdminOutcome SetForwarder(Forwarder forwarder);

    AdminOutcome RemoveForwarder(string name, string domain);

    RouterTable GetRouterTable();

    /// <summary>Parses and stores the table; on parse errors nothing is stored and the errors are returned.</summary>
    RouterTableParseResult SetRouterTable(string text);
}
