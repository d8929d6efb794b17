namespace Switchboard.Router.Changes;

public enum RoutingChangeKind
{
    Domains,
    Accounts,
    Aliases,
    Forwarders,
    RouterTable,
}
