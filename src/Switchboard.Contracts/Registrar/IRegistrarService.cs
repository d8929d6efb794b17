namespace Switchboard.Contracts.Registrar;

/// <summary>
/// The registrar's boundary (a direct call all-in-one, gRPC when distributed): REGISTER processing after
/// authentication (RFC 3261 §10.3 steps 4–8) and the location look-up a proxy does for an AOR.
/// </summary>
public interface IRegistrarService
{
    ValueTask<RegisterResult> RegisterAsync(RegisterRequest request, CancellationToken cancellationToken = default);

    /// <summary>Unexpired bindings of <paramref name="aor"/>, highest q first, then most recently updated.</summary>
    ValueTask<IReadOnlyList<ContactBinding>> LookupAsync(string aor, CancellationToken cancellationToken = default);
}
