using Microsoft.Extensions.Options;

namespace Switchboard.GatewayRegistrar.Registration;

/// <summary>Refuses timing no loop can work with, and a User-Agent that would break the REGISTER it goes into.</summary>
public sealed class GatewayRegistrarOptionsValidator : IValidateOptions<GatewayRegistrarOptions>
{
    public const int MaxUserAgentLength = 128;

    public ValidateOptionsResult Validate(string? name, GatewayRegistrarOptions options)
    {
        var failures = new List<string>();
        if (options.RefreshFraction is not (> 0 and <= 1))
            failures.Add("GatewayRegistrar:RefreshFraction must be above 0 and at most 1");
        if (options.RefreshMargin < TimeSpan.Zero)
            failures.Add("GatewayRegistrar:RefreshMargin must not be negative");
        if (options.RetryMin <= TimeSpan.Zero || options.RetryMax < options.RetryMin)
            failures.Add("GatewayRegistrar:RetryMin must be positive and RetryMax not below it");
        if (options.SupervisorInterval <= TimeSpan.Zero || options.LeaseDuration <= options.SupervisorInterval)
            failures.Add("GatewayRegistrar:SupervisorInterval must be positive and LeaseDuration longer");
        if (options.UnregisterTimeout <= TimeSpan.Zero)
            failures.Add("GatewayRegistrar:UnregisterTimeout must be positive");
        if (string.IsNullOrWhiteSpace(options.UserAgent) || options.UserAgent.Length > MaxUserAgentLength
            || options.UserAgent.Any(char.IsControl))
            failures.Add($"GatewayRegistrar:UserAgent must be 1-{MaxUserAgentLength} printable characters");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
