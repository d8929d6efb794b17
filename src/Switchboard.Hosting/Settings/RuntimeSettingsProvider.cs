using Microsoft.Extensions.Configuration;

namespace Switchboard.Hosting.Settings;

/// <summary>
/// The configuration layer that <c>SettingsChanged</c> writes to, added last so it wins over appsettings,
/// environment and command line. Writes replace <see cref="ConfigurationProvider.Data"/> as a whole (copy on
/// write), so readers on other threads never see a dictionary mid-update. A trial value set with
/// <see cref="BeginTrial"/> is visible only to the caller's async flow: options are validated against it
/// before anyone else can see it.
/// </summary>
public sealed class RuntimeSettingsProvider : ConfigurationProvider
{
    private readonly AsyncLocal<KeyValuePair<string, string>?> _trial = new();

    public RuntimeSettingsProvider() => Data = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);

    /// <summary>How many keys the layer holds.</summary>
    public int Count => Data.Count;

    /// <summary>The committed value of <paramref name="key"/>, or null.</summary>
    public string? Committed(string key) => Data.TryGetValue(key, out var value) ? value : null;

    public override bool TryGet(string key, out string? value)
    {
        if (_trial.Value is { } trial && string.Equals(trial.Key, key, StringComparison.OrdinalIgnoreCase))
        {
            value = trial.Value;
            return true;
        }

        return base.TryGet(key, out value);
    }

    public override IEnumerable<string> GetChildKeys(IEnumerable<string> earlierKeys, string? parentPath)
    {
        // The root de-duplicates child keys, so adding the trial key's segment again is harmless.
        if (_trial.Value is { } trial && ChildSegment(trial.Key, parentPath) is { } segment)
        {
            earlierKeys = earlierKeys.Append(segment);
        }

        return base.GetChildKeys(earlierKeys, parentPath);
    }

    /// <summary>Shows <paramref name="key"/> = <paramref name="value"/> to this async flow only, until disposed.</summary>
    public IDisposable BeginTrial(string key, string value)
    {
        _trial.Value = new KeyValuePair<string, string>(key, value);
        return new TrialScope(this);
    }

    /// <summary>Stores the value for everyone and signals a reload (<c>IOptionsMonitor</c> re-binds).</summary>
    public void Commit(string key, string value)
    {
        Data = new Dictionary<string, string?>(Data, StringComparer.OrdinalIgnoreCase) { [key] = value };
        OnReload();
    }

    private static string? ChildSegment(string key, string? parentPath)
    {
        var start = 0;
        if (parentPath is not null)
        {
            if (key.Length <= parentPath.Length + 1 || key[parentPath.Length] != ':'
                || !key.StartsWith(parentPath, StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }

            start = parentPath.Length + 1;
        }

        var end = key.IndexOf(':', start);
        return end < 0 ? key[start..] : key[start..end];
    }

    private sealed class TrialScope(RuntimeSettingsProvider provider) : IDisposable
    {
        public void Dispose() => provider._trial.Value = null;
    }
}
