namespace Switchboard.Contracts.Registrar;

/// <summary>
/// The flow a REGISTER arrived on (RFC 5626), kept with the binding so a later request reaches a device behind
/// NAT through the same edge instance and connection.
/// </summary>
/// <param name="Transport">The Via transport token: UDP, TCP, TLS.</param>
/// <param name="ConnectionId">The edge's connection id for TCP/TLS, null for UDP.</param>
/// <param name="Received">The Via <c>received</c> value, when the edge stamped one.</param>
/// <param name="RPort">The Via <c>rport</c> value, when the edge stamped one.</param>
public sealed record RegistrationFlow(
    string EdgeId,
    string Transport,
    string LocalAddress,
    int LocalPort,
    string RemoteAddress,
    int RemotePort,
    string? ConnectionId = null,
    string? Received = null,
    int? RPort = null);
