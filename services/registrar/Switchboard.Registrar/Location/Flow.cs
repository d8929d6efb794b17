namespace Switchboard.Registrar.Location;

/// <summary>The connection a REGISTER arrived on, kept so a later INVITE can reach a device behind NAT
/// through the same edge instance and connection (RFC 5626 flows).</summary>
public sealed record Flow(
    string EdgeInstanceId,
    string Transport,
    string LocalAddress,
    int LocalPort,
    string RemoteAddress,
    int RemotePort,
    string? ConnectionId = null,
    string? Received = null,
    int? RPort = null);
