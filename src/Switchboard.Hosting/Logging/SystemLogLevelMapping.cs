using Microsoft.Extensions.Logging;
using Switchboard.Contracts.Logging;

namespace Switchboard.Hosting.Logging;

/// <summary>
/// Maps the manual's Log settings onto Microsoft log levels. Both scales are ordered, so the mapping is
/// monotone: a component set to a System Log level records every Microsoft level at or above the minimum.
/// <code>
///   SystemLogLevel   minimum LogLevel   what the code logs there
///   Failure          Error              unrecoverable problems (LogError, LogCritical)
///   Major            Warning            session establishment reports (LogWarning)
///   Problems         Information        non-fatal errors, routine events (LogInformation)
///   LowLevel         Debug              protocol-level details (LogDebug)
///   AllInfo          Trace              link-level details, packet dumps (LogTrace)
/// </code>
/// Major maps to Warning, not Information, because the manual puts session reports *below* non-fatal
/// errors in verbosity: at Major an operator must see them while routine Information stays hidden.
/// </summary>
public static class SystemLogLevelMapping
{
    public static LogLevel ToMinimumLogLevel(this SystemLogLevel level) => level switch
    {
        SystemLogLevel.Failure => LogLevel.Error,
        SystemLogLevel.Major => LogLevel.Warning,
        SystemLogLevel.Problems => LogLevel.Information,
        SystemLogLevel.LowLevel => LogLevel.Debug,
        SystemLogLevel.AllInfo => LogLevel.Trace,
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, "not a System Log level"),
    };

    /// <summary>The System Log level a record logged at <paramref name="level"/> belongs to.</summary>
    public static SystemLogLevel ToSystemLogLevel(this LogLevel level) => level switch
    {
        LogLevel.Critical or LogLevel.Error => SystemLogLevel.Failure,
        LogLevel.Warning => SystemLogLevel.Major,
        LogLevel.Information => SystemLogLevel.Problems,
        LogLevel.Debug => SystemLogLevel.LowLevel,
        LogLevel.Trace => SystemLogLevel.AllInfo,
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, "LogLevel.None has no System Log level"),
    };
}
