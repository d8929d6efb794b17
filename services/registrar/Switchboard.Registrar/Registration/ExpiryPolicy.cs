namespace Switchboard.Registrar.Registration;

/// <summary>RFC 3261 §10.3 step 7 expiry choice plus the manual's Minimal Registration: the Contact
/// <c>expires</c> param wins over the Expires header, which wins over the default; non-zero values under
/// the minimum are refused (423), values over the maximum are shortened.</summary>
internal sealed class ExpiryPolicy(RegistrarOptions options)
{
    // RFC 3261 §20.19 / §25: delta-seconds above 2^32-1 are treated as 2^32-1.
    private const long MaxDeltaSeconds = uint.MaxValue;

    public long MinimumSeconds => (long)options.MinimalRegistration.TotalSeconds;

    /// <summary>The granted expiry in seconds (0 = remove), or null when it is too brief.</summary>
    public long? Grant(long? contactExpires, long? headerExpires)
    {
        var requested = Math.Min(contactExpires ?? headerExpires ?? (long)options.DefaultExpires.TotalSeconds, MaxDeltaSeconds);
        if (requested == 0)
        {
            return 0;
        }
        if (requested < MinimumSeconds)
        {
            return null;
        }
        return Math.Min(requested, (long)options.MaximumRegistration.TotalSeconds);
    }
}
