namespace Switchboard.Auth.Ntlm;

/// <summary>
/// Half-open NTLM handshakes (MS-SIPAE security associations between CHALLENGE and AUTHENTICATE),
/// keyed by the opaque value. Bounded in count (oldest evicted) and lifetime; each is taken once.
/// </summary>
public sealed class NtlmSecurityAssociations(int capacity, TimeSpan lifetime, TimeProvider time)
{
    private readonly BoundedExpiringMap<byte[]> _pending = new(capacity, lifetime, time);

    public int Count => _pending.Count;

    public void Add(string opaque, byte[] serverChallenge) => _pending.Set(opaque, serverChallenge);

    /// <summary>Removes and returns the server challenge for <paramref name="opaque"/> if it is known and young enough.</summary>
    public byte[]? Take(string opaque) => _pending.Take(opaque);
}
