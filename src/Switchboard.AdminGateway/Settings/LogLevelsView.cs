namespace Switchboard.AdminGateway.Settings;

/// <summary><c>GET /api/settings/log-levels</c>: the tags, the level names, and each tag's stored (or default) level.</summary>
public sealed record LogLevelsView(IReadOnlyList<string> Tags, IReadOnlyList<string> Levels, IReadOnlyDictionary<string, string> Current);
