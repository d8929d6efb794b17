using DnsClient.Protocol;

using Switchboard.Contracts.Sip;

namespace Switchboard.Locating;

/// <summary>RFC 2782 order: lowest priority first; within a priority, weighted random selection.</summary>
internal static class SrvOrdering
{
    public static List<SrvRecord> Order(IEnumerable<SrvRecord> records, Random random)
    {
        var ordered = new List<SrvRecord>();
        foreach (var group in records.Where(r => r.Target.Value != ".").GroupBy(r => r.Priority).OrderBy(g => g.Key))
        {
            // Zero-weight records first, as RFC 2782 asks, so they get a small chance only.
            var pending = group.OrderBy(r => r.Weight == 0 ? 0 : 1).ToList();
            while (pending.Count > 0)
            {
                var total = pending.Sum(r => (int)r.Weight);
                var pick = total == 0 ? 0 : random.Next(total + 1);
                var index = 0;
                for (var running = 0; index < pending.Count - 1; index++)
                {
                    running += pending[index].Weight;
                    if (running >= pick)
                        break;
                }
                ordered.Add(pending[index]);
                pending.RemoveAt(index);
            }
        }
        return ordered;
    }
}
