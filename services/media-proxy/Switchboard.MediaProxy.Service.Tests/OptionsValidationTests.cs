namespace Switchboard.MediaProxy.Service.Tests;

public sealed class OptionsValidationTests
{
    [Theory]
    [InlineData("MediaProxy:PortRangeStart", "80", "1024-65535")]
    [InlineData("MediaProxy:WanAddress", "media.example.org", "not an IP address")]
    [InlineData("MediaProxy:MediaTimeout", "00:00:00", "MediaTimeout must be positive")]
    [InlineData("MediaProxy:RelayThreads", "0", "RelayThreads must be 1-64")]
    public async Task Bad_settings_fail_the_start_with_a_readable_message(string key, string value, string expected)
    {
        var error = await Assert.ThrowsAsync<Microsoft.Extensions.Options.OptionsValidationException>(() =>
            MediaProxyTestHost.Start("mp-bad", 31700, settings: new Dictionary<string, string?> { [key] = value }));

        Assert.Contains(expected, error.Message);
    }
}
