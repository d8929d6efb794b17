using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Switchboard.Hosting.Logging;

/// <summary>
/// Adds one logger filter rule per mapped category prefix, with the minimum level of its tag. Runs as a
/// post-configure step so these rules come after the "Logging" section's: for an equally specific
/// category the later rule wins. Provider-specific rules (Logging:Console:LogLevel) still take precedence.
/// </summary>
internal sealed class SystemLogFilterSetup(IOptions<SystemLogOptions> options, ISystemLogLevels levels)
    : IPostConfigureOptions<LoggerFilterOptions>
{
    public void PostConfigure(string? name, LoggerFilterOptions filter)
    {
        foreach (var (category, tag) in options.Value.Categories)
        {
            var minimum = levels.Get(tag).ToMinimumLogLevel();
            filter.Rules.Add(new LoggerFilterRule(providerName: null, categoryName: category, logLevel: minimum, filter: null));
        }
    }
}
