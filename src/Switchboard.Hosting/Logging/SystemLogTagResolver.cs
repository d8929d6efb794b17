using Switchboard.Contracts.Logging;

namespace Switchboard.Hosting.Logging;

/// <summary>
/// Finds the System Log tag of a logger category: a last segment that is a tag itself
/// (<c>Switchboard.Transaction.SIPS</c> → SIPS), else the longest matching prefix of
/// <see cref="SystemLogOptions.Categories"/>, else none. Excluded prefixes win over both.
/// </summary>
internal sealed class SystemLogTagResolver(IReadOnlyDictionary<string, string> categories, IReadOnlyList<string> excluded)
{
    public string? Resolve(string category)
    {
        if (excluded.Any(prefix => HasPrefix(category, prefix)))
        {
            return null;
        }

        var lastDot = category.LastIndexOf('.');
        var last = lastDot >= 0 ? category[(lastDot + 1)..] : category;
        var named = SystemLogTag.All.FirstOrDefault(tag => string.Equals(tag, last, StringComparison.OrdinalIgnoreCase));
        if (named is not null && lastDot >= 0)
        {
            return named;
        }

        string? best = null;
        var bestLength = -1;
        foreach (var (prefix, tag) in categories)
        {
            if (prefix.Length > bestLength && HasPrefix(category, prefix))
            {
                best = tag;
                bestLength = prefix.Length;
            }
        }

        return best;
    }

    // "Switchboard.Router" covers "Switchboard.Router.X" but not "Switchboard.RouterX".
    private static bool HasPrefix(string category, string prefix) =>
        category.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)
        && (category.Length == prefix.Length || category[prefix.Length] == '.');
}
