namespace Switchboard.Router.Routing;

/// <summary>
/// <c>Name@Domain</c> goes to <see cref="Target"/>: another address, local or remote
/// (<c>user@domain</c> or a <c>sip:</c>/<c>sips:</c> URI).
/// </summary>
public sealed record Forwarder(string Name, string Domain, string Target);
