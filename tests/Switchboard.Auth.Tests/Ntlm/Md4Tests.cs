using System.Text;
using Switchboard.Auth.Ntlm;

namespace Switchboard.Auth.Tests.Ntlm;

public class Md4Tests
{
    // RFC 1320 appendix A.5 test suite.
    [Theory]
    [InlineData("", "31d6cfe0d16ae931b73c59d7e0c089c0")]
    [InlineData("a", "bde52cb31de33e46245e05fbdbd6fb24")]
    [InlineData("abc", "a448017aaf21d8525fc10ae87aa6729d")]
    [InlineData("message digest", "d9130a8164549fe818874806e1c7014b")]
    [InlineData("abcdefghijklmnopqrstuvwxyz", "d79e1c308aa5bbcdeea8ed63df412da9")]
    [InlineData("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", "043f8582f241db351ce627e153e7f0e4")]
    [InlineData("12345678901234567890123456789012345678901234567890123456789012345678901234567890", "e33b4ddc9c38f2199c3e7b164fcc0536")]
    public void Rfc1320_test_suite(string input, string expected)
    {
        Assert.Equal(expected, Convert.ToHexStringLower(Md4.HashData(Encoding.ASCII.GetBytes(input))));
    }

    [Theory]
    [InlineData(55)]
    [InlineData(56)]
    [InlineData(63)]
    [InlineData(64)]
    [InlineData(65)]
    public void Padding_boundaries_agree_with_incremental_definition(int length)
    {
        // Lengths around the 56-byte padding edge: a one-byte change must change the hash, and equal input must agree.
        var data = Enumerable.Range(0, length).Select(i => (byte)i).ToArray();
        var first = Md4.HashData(data);
        data[^1] ^= 1;

        Assert.NotEqual(first, Md4.HashData(data));
        data[^1] ^= 1;
        Assert.Equal(first, Md4.HashData(data));
    }
}
