namespace Switchboard.Auth.Ntlm;

/// <summary>
/// Established security associations by opaque, bounded in count (least recently used evicted) and idle time,
/// so a peer that keeps authenticating cannot grow memory without bound.
/// </summary>
public sealed class NtlmSecurityContexts(int capacity, TimeSpan idleLifetime, TimeProvider time)
{
    private readonly BoundedExpiringMap<NtlmSecurityContext> _established = new(capacity, idleLifetime, time);

    public int Count => _established.Count;

    public void Add(NtlmSecurityContext context) => _established.Set(context.Opaque, context);

    /// <summary>The association for <paramref name="opaque"/> if it has been used recently enough (use refreshes it).</summary>
    public NtlmSecurityContext? Find(string opaque) => _established.Find(opaque);
}
