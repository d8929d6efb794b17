using Switchboard.Registrar.Location;

namespace Switchboard.Registrar.Registration;

/// <summary>A validated Contact of a REGISTER with the expiry the registrar granted (zero: remove).</summary>
internal sealed record PlannedContact(
    string Uri,
    QValue Q,
    long ExpiresSeconds,
    string? InstanceId,
    long? RegId,
    IReadOnlyList<KeyValuePair<string, string?>> OtherParams)
{
    public bool IsRemoval => ExpiresSeconds == 0;
}
