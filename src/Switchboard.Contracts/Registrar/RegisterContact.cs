namespace Switchboard.Contracts.Registrar;

/// <summary>One Contact value of a REGISTER, as the SIP core hands it over.</summary>
/// <param name="Uri">The URI text exactly as received (url-parameters and escaped headers untouched).</param>
/// <param name="IsWildcard">The value was <c>*</c>.</param>
/// <param name="Expires">The <c>expires</c> contact param, or null.</param>
/// <param name="Q">The <c>q</c> param as text, or null.</param>
/// <param name="InstanceId">The <c>+sip.instance</c> value as received.</param>
/// <param name="RegId">The <c>reg-id</c> param (RFC 5626), or null.</param>
/// <param name="OtherParams">Other contact params in order; value null for a flag param.</param>
public sealed record RegisterContact(
    string Uri,
    bool IsWildcard = false,
    long? Expires = null,
    string? Q = null,
    string? InstanceId = null,
    long? RegId = null,
    IReadOnlyList<KeyValuePair<string, string?>>? OtherParams = null)
{
    public static RegisterContact Wildcard { get; } = new("*", IsWildcard: true);
}
