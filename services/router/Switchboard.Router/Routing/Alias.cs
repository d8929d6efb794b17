namespace Switchboard.Router.Routing;

/// <summary>Another name <c>Name@Domain</c> for the account <c>Account@Domain</c>.</summary>
public sealed record Alias(string Name, string Domain, string Account);
