namespace Switchboard.Contracts.Media;

/// <summary>End the media session of <paramref name="CallId"/>; with <paramref name="Tag"/>, only when a leg has that tag.</summary>
public sealed record MediaDelete(string CallId, string? Tag = null);
