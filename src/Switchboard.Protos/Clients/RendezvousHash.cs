using System.Runtime.InteropServices;

namespace Switchboard.Protos.Clients;

/// <summary>
/// Highest-random-weight (rendezvous) hashing: every (key, node) pair gets a score, nodes are ranked by score. When a
/// node leaves, only its keys move (each to its own runner-up); the others keep their node. The hash is FNV-1a over
/// the UTF-16 code units plus a SplitMix64 finaliser: stable across processes, unlike string.GetHashCode.
/// </summary>
public static class RendezvousHash
{
    private const ulong FnvOffset = 14695981039346656037UL;
    private const ulong FnvPrime = 1099511628211UL;

    /// <summary>The nodes ordered best first for <paramref name="key"/>.</summary>
    public static T[] Order<T>(string key, IReadOnlyList<T> nodes, Func<T, string> idOf)
    {
        var scores = new ulong[nodes.Count];
        var ordered = new T[nodes.Count];
        for (var i = 0; i < nodes.Count; i++)
        {
            scores[i] = Score(key, idOf(nodes[i]));
            ordered[i] = nodes[i];
        }

        // Descending by score; ties (practically impossible) fall back to the input order.
        Array.Sort(scores, ordered, Comparer<ulong>.Create(static (a, b) => b.CompareTo(a)));
        return ordered;
    }

    public static ulong Score(string key, string node)
    {
        var hash = Fnv(FnvOffset, key);
        hash = (hash ^ 0xff) * FnvPrime; // separator, so ("ab","c") and ("a","bc") differ
        return Mix(Fnv(hash, node));
    }

    private static ulong Fnv(ulong hash, string text)
    {
        foreach (var b in MemoryMarshal.AsBytes(text.AsSpan()))
            hash = (hash ^ b) * FnvPrime;
        return hash;
    }

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9UL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebUL;
        return z ^ (z >> 31);
    }
}
