namespace Switchboard.Registrar.Service.Admin;

/// <summary>One binding as the admin API lists it (camelCase JSON).</summary>
/// <param name="Q">The q-value as text ("1", "0.5").</param>
/// <param name="Source">Where the REGISTER came from: transport, remote and local socket.</param>
public sealed record BindingView(
    string Aor,
    string Contact,
    long ExpiresSeconds,
    string Q,
    string? InstanceId,
    long? RegId,
    IReadOnlyList<string> Path,
    string EdgeId,
    string Source);

/// <summary>The answer to a DELETE: how many bindings were removed.</summary>
public sealed record BindingsRemoved(string Aor, int Removed);
