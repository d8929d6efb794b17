namespace Switchboard.Contracts.Registrar;

/// <summary>One registered contact of an AOR, as a location look-up returns it.</summary>
/// <param name="ExpiresSeconds">Whole seconds left (rounded up).</param>
/// <param name="QThousandths">q × 1000; 1000 when the UA gave none.</param>
/// <param name="InstanceId">RFC 5626 <c>+sip.instance</c>, or null.</param>
/// <param name="RegId">RFC 5626 <c>reg-id</c>, or null.</param>
/// <param name="Path">RFC 3327 Path values, top first.</param>
public sealed record ContactBinding(
    string Aor,
    string ContactUri,
    long ExpiresSeconds,
    int QThousandths,
    string? InstanceId,
    long? RegId,
    IReadOnlyList<string> Path,
    RegistrationFlow Flow);
