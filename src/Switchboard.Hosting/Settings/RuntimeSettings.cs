using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Switchboard.Hosting.Settings;

/// <summary>
/// Applies a setting (<c>Component</c>, <c>Key</c>, <c>Value</c>) to the configuration key <c>Component:Key</c> of
/// this process, if a section registered with <c>AddRuntimeOptions</c> covers it. The value is first tried against
/// every options type of that section; a failure keeps the old value and logs a warning, so a bad remote setting
/// can never crash a service. Only registered sections change: Kestrel, Bus or Storage cannot be rewritten remotely.
/// </summary>
public sealed class RuntimeSettings
{
    private readonly RuntimeSettingsProvider _provider;
    private readonly IRuntimeOptionsCheck[] _checks;
    private readonly RuntimeSettingsOptions _limits;
    private readonly ILogger _logger;
    private readonly Lock _gate = new(); // one trial at a time; commits are ordered

    public RuntimeSettings(
        RuntimeSettingsProvider provider, IEnumerable<IRuntimeOptionsCheck> checks,
        IOptions<RuntimeSettingsOptions> limits, ILogger<RuntimeSettings> logger)
    {
        _provider = provider;
        _checks = checks.ToArray();
        _limits = limits.Value;
        _logger = logger;
    }

    /// <summary>The sections this process takes at run time.</summary>
    public IReadOnlyList<string> Sections => _checks.Select(c => c.Section).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();

    public RuntimeSettingOutcome Apply(string component, string key, string? value)
    {
        if (!IsName(component) || !IsKey(key) || value is null || value.Length > _limits.MaxValueLength)
        {
            _logger.LogWarning("Ignored setting {Component}/{Key}: malformed name or value over {Max} characters",
                Clip(component), Clip(key), _limits.MaxValueLength);
            return RuntimeSettingOutcome.Refused;
        }

        var path = component + ConfigurationPath.KeyDelimiter + key;
        var checks = _checks.Where(c => Covers(c.Section, path)).ToArray();
        if (checks.Length == 0)
        {
            _logger.LogDebug("Setting {Path} is not taken at run time by this process", path);
            return RuntimeSettingOutcome.NotApplicable;
        }

        lock (_gate)
        {
            var outcome = TryCommit(path, value, checks, out var problem);
            if (outcome == RuntimeSettingOutcome.Refused)
            {
                _logger.LogWarning("Ignored setting {Path}={Value}: {Problem}; the old value stays", path, Clip(value), problem);
            }
            else if (outcome == RuntimeSettingOutcome.Applied)
            {
                _logger.LogInformation("Setting {Path} set to {Value}", path, Clip(value));
            }

            return outcome;
        }
    }

    private RuntimeSettingOutcome TryCommit(string path, string value, IRuntimeOptionsCheck[] checks, out string? problem)
    {
        problem = null;
        var current = _provider.Committed(path);
        if (string.Equals(current, value, StringComparison.Ordinal))
        {
            return RuntimeSettingOutcome.Unchanged;
        }

        if (current is null && _provider.Count >= _limits.MaxKeys)
        {
            problem = $"this process already holds {_limits.MaxKeys} run-time settings";
            return RuntimeSettingOutcome.Refused;
        }

        using (_provider.BeginTrial(path, value))
        {
            problem = checks.Select(c => c.Check()).FirstOrDefault(p => p is not null);
        }

        if (problem is not null)
        {
            return RuntimeSettingOutcome.Refused;
        }

        _provider.Commit(path, value);
        return RuntimeSettingOutcome.Applied;
    }

    private static bool Covers(string section, string path) =>
        path.Length > section.Length + 1 && path[section.Length] == ':' && path.StartsWith(section, StringComparison.OrdinalIgnoreCase);

    private static bool IsName(string? text) =>
        text is { Length: > 0 and <= 64 } && text.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_');

    // A key may name a nested value ("Resolver:MainDomain"), but no empty segment.
    private static bool IsKey(string? text) =>
        text is { Length: > 0 and <= 128 } && text.Split(':').All(IsName);

    private static string Clip(string? text) => text is { Length: > 80 } ? text[..80] + "…" : text ?? "";
}
