namespace Switchboard.Contracts.Events;

/// <summary>The router table a <see cref="RoutingChanged"/> event refers to.</summary>
public enum RoutingChangeKind
{
    Accounts,
    Aliases,
    Forwarders,
    RouterRecords,
}
