namespace Switchboard.MediaProxy;

/// <summary>How relay sockets are served.</summary>
public enum MediaRelayEngine
{
    /// <summary>An async receive loop per socket on .NET's socket engine and thread pool (every platform).</summary>
    Async,
    /// <summary>
    /// Linux only: <see cref="MediaRelayOptions.RelayThreads"/> dedicated threads, each with its own epoll set,
    /// draining ready sockets in batches (recvmmsg/sendmmsg) without a thread-pool hop per packet.
    /// </summary>
    Epoll,
}
