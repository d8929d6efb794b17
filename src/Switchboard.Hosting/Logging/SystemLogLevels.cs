using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Switchboard.Contracts.Logging;

namespace Switchboard.Hosting.Logging;

/// <summary>
/// Holds the levels and tells Microsoft logging when they change: as an options change-token source for
/// <see cref="LoggerFilterOptions"/> it makes the logger factory rebuild its filter rules
/// (see <see cref="SystemLogFilterSetup"/>), the same path a reloaded appsettings.json takes.
/// </summary>
internal sealed class SystemLogLevels : ISystemLogLevels, IOptionsChangeTokenSource<LoggerFilterOptions>
{
    private readonly ConcurrentDictionary<string, SystemLogLevel> _levels;
    private readonly SystemLogLevel _default;
    private readonly Lock _tokenLock = new();
    private CancellationTokenSource _changed = new(); // guarded by _tokenLock

    public SystemLogLevels(IOptions<SystemLogOptions> options)
    {
        _default = options.Value.Default;
        _levels = new ConcurrentDictionary<string, SystemLogLevel>(options.Value.Levels, StringComparer.OrdinalIgnoreCase);
    }

    public string? Name => Options.DefaultName;

    public SystemLogLevel Get(string tag) => _levels.TryGetValue(tag, out var level) ? level : _default;

    public void Set(string tag, SystemLogLevel level)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tag);
        if (!Enum.IsDefined(level))
        {
            throw new ArgumentOutOfRangeException(nameof(level), level, "not a System Log level");
        }

        _levels[tag] = level;
        CancellationTokenSource fired;
        lock (_tokenLock)
        {
            fired = _changed;
            _changed = new CancellationTokenSource();
        }

        fired.Cancel();
        fired.Dispose();
    }

    public IChangeToken GetChangeToken()
    {
        lock (_tokenLock)
        {
            return new CancellationChangeToken(_changed.Token);
        }
    }
}
