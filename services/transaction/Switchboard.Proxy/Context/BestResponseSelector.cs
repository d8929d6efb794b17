namespace Switchboard.Proxy.Context;

/// <summary>
/// RFC 3261 §16.7 step 6: the best final response of a response context — any 6xx, else the lowest class; within
/// 4xx prefer 401, 407, 415, 420, 484 (the client can act on them); otherwise the first received.
/// </summary>
public static class BestResponseSelector
{
    /// <summary>The index of the best of <paramref name="statuses"/> (3xx–6xx), or -1 for none (answer 408).</summary>
    public static int Choose(IReadOnlyList<int> statuses)
    {
        ArgumentNullException.ThrowIfNull(statuses);
        int best = -1;
        for (int i = 0; i < statuses.Count; i++)
        {
            if (best < 0 || Better(statuses[i], statuses[best]))
            {
                best = i;
            }
        }

        return best;
    }

    private static bool Better(int candidate, int current)
    {
        int candidateClass = candidate / 100, currentClass = current / 100;
        if (candidateClass == 6 || currentClass == 6)
        {
            return candidateClass == 6 && currentClass != 6;
        }

        if (candidateClass != currentClass)
        {
            return candidateClass < currentClass;
        }

        return candidateClass == 4 && IsActionable(candidate) && !IsActionable(current);
    }

    private static bool IsActionable(int status) => status is 401 or 407 or 415 or 420 or 484;
}
