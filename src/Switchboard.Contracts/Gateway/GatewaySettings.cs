namespace Switchboard.Contracts.Gateway;

/// <summary>
/// One external gateway (the manual's "External Gateway" panel). <see cref="Domain"/> is host[:port] or a domain
/// located by RFC 3263; it is also the domain of the REGISTER's From/To and Request-URI.
/// </summary>
/// <param name="Contact">What to register; null = <c>sip:&lt;user&gt;@&lt;server public address&gt;</c>.</param>
/// <param name="RegisterEverySeconds">The Expires asked for; the gateway may grant less.</param>
public sealed record GatewaySettings(
    string Name,
    string Domain,
    string Username,
    string Password,
    string? Contact,
    int RegisterEverySeconds,
    bool Enabled);
