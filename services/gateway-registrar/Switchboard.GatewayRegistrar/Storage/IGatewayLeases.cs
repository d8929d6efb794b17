namespace Switchboard.GatewayRegistrar.Storage;

/// <summary>
/// Who runs a gateway's registration loop. Only the holder of an unexpired lease registers; the holder renews it,
/// anyone takes it over once it has expired (the holder died or lost the database).
/// </summary>
public interface IGatewayLeases
{
    /// <summary>Takes or renews the lease until <paramref name="until"/>; false when another owner holds an unexpired one.</summary>
    bool TryAcquire(string gateway, string owner, DateTimeOffset now, DateTimeOffset until);

    /// <summary>Gives the lease up (only when <paramref name="owner"/> holds it), so another instance need not wait for expiry.</summary>
    void Release(string gateway, string owner);

    /// <summary>The current holder and expiry, or null when nobody ever took it or it was released.</summary>
    (string Owner, DateTimeOffset Expires)? Get(string gateway);
}
