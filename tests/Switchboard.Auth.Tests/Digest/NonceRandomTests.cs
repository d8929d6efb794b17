using Switchboard.Auth.Digest;

namespace Switchboard.Auth.Tests.Digest;

public class NonceRandomTests
{
    [Fact]
    public void Hands_out_distinct_values_across_several_block_refills()
    {
        var random = new NonceRandom();
        var seen = new HashSet<string>();
        Span<byte> value = stackalloc byte[16];

        // 4 KiB blocks of 16-byte values: 1,000 draws cross three refills.
        for (var i = 0; i < 1000; i++)
        {
            random.Fill(value);
            Assert.True(seen.Add(Convert.ToHexString(value)), $"value {i} repeated");
        }
    }

    [Fact]
    public void Sizes_that_do_not_divide_the_block_and_large_requests_are_filled()
    {
        var random = new NonceRandom();
        var odd = new byte[24];
        var large = new byte[5000];

        for (var i = 0; i < 400; i++)
        {
            random.Fill(odd);
            Assert.Contains(odd, b => b != 0);
        }

        random.Fill(large);
        Assert.True(large.Count(b => b == 0) < 100, "5,000 random bytes should hold few zeros");
    }

    [Fact]
    public async Task Concurrent_callers_never_get_the_same_bytes()
    {
        var random = new NonceRandom();
        var values = new System.Collections.Concurrent.ConcurrentBag<string>();

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
        {
            var value = new byte[16];
            for (var i = 0; i < 2000; i++)
            {
                random.Fill(value);
                values.Add(Convert.ToHexString(value));
            }
        })));

        Assert.Equal(8000, values.Distinct().Count());
    }
}
