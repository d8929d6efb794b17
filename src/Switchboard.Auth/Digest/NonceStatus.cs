namespace Switchboard.Auth.Digest;

public enum NonceStatus
{
    Valid,

    /// <summary>Genuine but older than the lifetime.</summary>
    Stale,

    /// <summary>Not made by this server (bad format or HMAC mismatch) or made for another realm.</summary>
    Invalid,
}
