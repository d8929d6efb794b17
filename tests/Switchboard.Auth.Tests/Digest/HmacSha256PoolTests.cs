using System.Security.Cryptography;
using System.Text;
using Switchboard.Auth.Digest;

namespace Switchboard.Auth.Tests.Digest;

public class HmacSha256PoolTests
{
    [Fact]
    public void Equals_the_one_shot_HMAC_of_the_concatenated_inputs_on_reuse()
    {
        var key = Encoding.ASCII.GetBytes("nonce secret");
        var pool = new HmacSha256Pool(key);
        var mac = new byte[HmacSha256Pool.MacLength];

        for (var i = 0; i < 5; i++)
        {
            var first = Encoding.ASCII.GetBytes($"prefix-{i}");
            var second = Encoding.ASCII.GetBytes($"realm{i}.example");

            pool.Compute(first, second, mac);

            Assert.Equal(HMACSHA256.HashData(key, first.Concat(second).ToArray()), mac);
        }
    }

    [Fact]
    public async Task Concurrent_callers_each_get_their_own_correct_MAC()
    {
        var key = new byte[] { 1, 2, 3 };
        var pool = new HmacSha256Pool(key);
        var wrong = 0;

        await Task.WhenAll(Enumerable.Range(0, 4).Select(t => Task.Run(() =>
        {
            var mac = new byte[HmacSha256Pool.MacLength];
            for (var i = 0; i < 500; i++)
            {
                var data = BitConverter.GetBytes((t * 1000) + i);
                pool.Compute(data, "r"u8, mac);
                if (!mac.AsSpan().SequenceEqual(HMACSHA256.HashData(key, data.Append((byte)'r').ToArray())))
                {
                    Interlocked.Increment(ref wrong);
                }
            }
        })));

        Assert.Equal(0, wrong);
    }
}
