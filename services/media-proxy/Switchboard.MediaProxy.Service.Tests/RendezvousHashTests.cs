using Switchboard.Protos.Clients;

namespace Switchboard.MediaProxy.Service.Tests;

public sealed class RendezvousHashTests
{
    private static readonly string[] Nodes = ["mp-1", "mp-2", "mp-3"];

    private static string Top(string key, IReadOnlyList<string> nodes) => RendezvousHash.Order(key, nodes, n => n)[0];

    [Fact]
    public void Order_is_stable_and_independent_of_the_input_order()
    {
        for (var i = 0; i < 200; i++)
        {
            var key = $"call-{i}@host";
            Assert.Equal(RendezvousHash.Order(key, Nodes, n => n), RendezvousHash.Order(key, Nodes.Reverse().ToArray(), n => n));
        }
    }

    [Fact]
    public void Removing_a_node_moves_only_its_keys()
    {
        var keys = Enumerable.Range(0, 3000).Select(i => $"{i:x8}-call@example.org").ToArray();
        var before = keys.ToDictionary(k => k, k => Top(k, Nodes));
        var after = keys.ToDictionary(k => k, k => Top(k, ["mp-1", "mp-3"]));

        Assert.All(keys.Where(k => before[k] != "mp-2"), k => Assert.Equal(before[k], after[k]));
        Assert.All(keys.Where(k => before[k] == "mp-2"), k => Assert.Equal(RendezvousHash.Order(k, Nodes, n => n)[1], after[k]));
    }

    [Fact]
    public void Keys_spread_roughly_evenly()
    {
        var counts = Enumerable.Range(0, 3000).Select(i => Top($"{i}-spread@x", Nodes)).CountBy(n => n).ToDictionary();

        Assert.Equal(3, counts.Count);
        Assert.All(counts.Values, c => Assert.InRange(c, 850, 1150));
    }

    [Fact]
    public void Score_is_a_fixed_function_of_key_and_node()
    {
        // Fixed across processes and runs (no randomised string hashing): two proxies must agree.
        Assert.Equal(RendezvousHash.Score("abc", "mp-1"), RendezvousHash.Score("abc", "mp-1"));
        Assert.NotEqual(RendezvousHash.Score("ab", "cmp"), RendezvousHash.Score("abc", "mp"));
        Assert.Equal(0xC12D86A2BB807EC5UL, RendezvousHash.Score("abc", "mp-1"));
    }
}
