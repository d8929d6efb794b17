namespace Switchboard.MediaProxy.Relay;

/// <summary>The relay's packet engine: hands out a pump per stream; disposed after every session has ended.</summary>
internal interface IRelayEngine : IDisposable
{
    /// <summary>The pump for a new stream (the epoll engine spreads streams over its loops round-robin).</summary>
    IRelayPump NextPump();
}
