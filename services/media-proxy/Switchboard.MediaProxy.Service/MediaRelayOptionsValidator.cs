using System.Net;
using Microsoft.Extensions.Options;

namespace Switchboard.MediaProxy.Service;

/// <summary>Fails the start with a readable message instead of a socket error on the first call.</summary>
internal sealed class MediaRelayOptionsValidator : IValidateOptions<MediaRelayOptions>
{
    public ValidateOptionsResult Validate(string? name, MediaRelayOptions options)
    {
        var errors = new List<string>();
        if (options.PortRangeStart is < 1024 or > 65534 || options.PortRangeEnd is < 1025 or > 65535)
            errors.Add($"MediaProxy:PortRangeStart/End must lie in 1024-65535 (got {options.PortRangeStart}-{options.PortRangeEnd})");
        else if (options.PortRangeEnd - options.PortRangeStart < 1)
            errors.Add($"MediaProxy:PortRangeEnd ({options.PortRangeEnd}) must be above PortRangeStart ({options.PortRangeStart})");
        foreach (var (key, value) in new[] { ("BindAddress", options.BindAddress), ("LanAddress", options.LanAddress), ("WanAddress", options.WanAddress) })
        {
            if (!IPAddress.TryParse(value, out _))
                errors.Add($"MediaProxy:{key} '{value}' is not an IP address");
        }

        if (options.Engine == MediaRelayEngine.Epoll && !OperatingSystem.IsLinux())
            errors.Add("MediaProxy:Engine Epoll needs Linux; use Async");
        if (options.RelayThreads is < 1 or > 64)
            errors.Add($"MediaProxy:RelayThreads must be 1-64 (got {options.RelayThreads})");
        if (options.KernelForwarding == KernelForwardingMode.Required && !OperatingSystem.IsLinux())
            errors.Add("MediaProxy:KernelForwarding Required needs Linux (eBPF); use Off or Auto");
        if (options.MediaTimeout <= TimeSpan.Zero)
            errors.Add("MediaProxy:MediaTimeout must be positive");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
