using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Switchboard.MediaProxy.Tests;

internal static class TestRelay
{
    /// <summary>A relay on 127.0.0.1 with <paramref name="pairs"/> port pairs from <paramref name="firstPort"/>.</summary>
    public static MediaRelay Create(FakeTimeProvider time, int firstPort, int pairs = 20,
        Action<MediaRelayOptions>? configure = null)
    {
        var options = new MediaRelayOptions
        {
            PortRangeStart = firstPort,
            PortRangeEnd = firstPort + pairs * 2 - 1,
            BindAddress = "127.0.0.1",
            LanAddress = "127.0.0.1",
            WanAddress = "127.0.0.2",
            MediaTimeout = TimeSpan.FromSeconds(60),
            TimeoutSweepInterval = TimeSpan.FromSeconds(5),
            PortReleaseDelay = TimeSpan.FromSeconds(30),
        };
        configure?.Invoke(options);
        return new MediaRelay(Options.Create(options), time);
    }
}
