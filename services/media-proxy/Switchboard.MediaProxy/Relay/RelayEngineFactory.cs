using Switchboard.MediaProxy.Relay.Epoll;

namespace Switchboard.MediaProxy.Relay;

internal static class RelayEngineFactory
{
    public const int MaxRelayThreads = 64;

    public static IRelayEngine Create(MediaRelayOptions options)
    {
        if (options.Engine == MediaRelayEngine.Async)
            return new AsyncRelayEngine();
        if (options.Engine != MediaRelayEngine.Epoll)
            throw new ArgumentException($"MediaRelayOptions.Engine '{options.Engine}' is unknown", nameof(options));
        if (!OperatingSystem.IsLinux())
            throw new PlatformNotSupportedException("MediaRelayOptions.Engine Epoll needs Linux; use Async");
        if (options.RelayThreads is < 1 or > MaxRelayThreads)
            throw new ArgumentOutOfRangeException(nameof(options), $"MediaRelayOptions.RelayThreads must be 1-{MaxRelayThreads} (got {options.RelayThreads})");
        return new EpollRelayEngine(options.RelayThreads);
    }
}
