namespace Switchboard.Auth.Digest;

public enum NonceCountResult
{
    Accepted,

    /// <summary>The nc was not above the highest one seen for this nonce.</summary>
    Replay,

    /// <summary>The nonce's entry was evicted (or may have been): it can no longer be trusted.</summary>
    Forgotten,
}
