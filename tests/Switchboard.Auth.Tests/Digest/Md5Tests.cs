using System.Security.Cryptography;
using System.Text;
using Switchboard.Auth.Digest;

namespace Switchboard.Auth.Tests.Digest;

public class Md5Tests
{
    // RFC 1321 appendix A.5 test suite.
    [Theory]
    [InlineData("", "d41d8cd98f00b204e9800998ecf8427e")]
    [InlineData("a", "0cc175b9c0f1b6a831c399e269772661")]
    [InlineData("abc", "900150983cd24fb0d6963f7d28e17f72")]
    [InlineData("message digest", "f96b697d7cb7938d525a2f31aaf161d0")]
    [InlineData("abcdefghijklmnopqrstuvwxyz", "c3fcd3d76192e4007dfb496cca67e13b")]
    [InlineData("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", "d174ab98d277d9f5a5611c2c9f419d9f")]
    [InlineData("12345678901234567890123456789012345678901234567890123456789012345678901234567890", "57edf4a22be3c955ac49da2e2107b67a")]
    public void Rfc1321_test_suite(string input, string expectedHex)
    {
        Span<byte> hash = stackalloc byte[Md5.HashLength];

        Assert.Equal(Md5.HashLength, Md5.HashData(Encoding.ASCII.GetBytes(input), hash));
        Assert.Equal(expectedHex, Convert.ToHexStringLower(hash));
    }

    [Fact]
    public void Matches_the_platform_MD5_for_every_length_around_the_block_and_padding_edges()
    {
        var random = new Random(1321);
        Span<byte> ours = stackalloc byte[Md5.HashLength];
        for (var length = 0; length <= 300; length++)
        {
            var data = new byte[length];
            random.NextBytes(data);

            Md5.HashData(data, ours);

            Assert.Equal(Convert.ToHexString(MD5.HashData(data)), Convert.ToHexString(ours));
        }
    }
}
