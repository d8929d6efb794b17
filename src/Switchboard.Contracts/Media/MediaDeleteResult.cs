namespace Switchboard.Contracts.Media;

/// <summary>Whether a session was ended, and by which relay instance (empty when none was reachable).</summary>
public sealed record MediaDeleteResult(bool Deleted, string InstanceId);
