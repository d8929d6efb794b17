namespace Switchboard.Auth;

/// <summary>A ready-to-send challenge: status line and one header line per value.</summary>
public sealed record AuthChallenge(int Status, string Reason, string HeaderName, IReadOnlyList<string> Values);
