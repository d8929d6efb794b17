namespace Switchboard.MediaProxy.Relay;

/// <summary>
/// Moves the packets of the relay sockets given to it. All sockets of one stream share a pump, so a socket's
/// partner (where its packets leave) is always served by the same pump.
/// </summary>
internal interface IRelayPump
{
    /// <summary>Starts relaying what arrives on <paramref name="socket"/>.</summary>
    void Start(RelaySocket socket);

    /// <summary>Stops relaying and closes the socket; when this returns the port is free and the fd is not used again.</summary>
    void Close(RelaySocket socket);
}
