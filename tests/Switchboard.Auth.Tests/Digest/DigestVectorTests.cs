using System.Text;
using Switchboard.Auth.Digest;

namespace Switchboard.Auth.Tests.Digest;

public class DigestVectorTests
{
    private const string Rfc7616Nonce = "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v";
    private const string Rfc7616Cnonce = "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ";

    [Theory]
    [InlineData(DigestAlgorithm.Md5, "8ca523f5e9506fed4657c9700eebdbec")]
    [InlineData(DigestAlgorithm.Sha256, "753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1")]
    public void Rfc7616_section_3_9_1(DigestAlgorithm algorithm, string expected)
    {
        var ha1 = DigestHa1.Compute(algorithm, "Mufasa", "http-auth@example.org", "Circle of Life");

        var response = DigestResponse.Compute(algorithm, ha1, Rfc7616Nonce, "00000001", Rfc7616Cnonce, "auth", "GET", "/dir/index.html", default);

        Assert.Equal(expected, response);
    }

    [Fact]
    public void Rfc2617_section_3_5()
    {
        var ha1 = DigestHa1.Compute(DigestAlgorithm.Md5, "Mufasa", "testrealm@host.com", "Circle Of Life");

        var response = DigestResponse.Compute(DigestAlgorithm.Md5, ha1, "dcd98b7102dd2f0e8b11d0f600bfb0c093", "00000001", "0a4f113b", "auth", "GET", "/dir/index.html", default);

        Assert.Equal("6629fae49393a05397450978507c4ef1", response);
    }

    [Fact]
    public void Ha1_is_hash_of_user_realm_password()
    {
        var ha1 = DigestHa1.Compute(DigestAlgorithm.Md5, "Mufasa", "testrealm@host.com", "Circle Of Life");

        // RFC 2617 §3.5 worked example: HA1 = 939e7578ed9e3c518a452acee763bce9.
        Assert.Equal("939e7578ed9e3c518a452acee763bce9", Convert.ToHexStringLower(ha1));
        Assert.Equal(32, DigestHa1.Compute(DigestAlgorithm.Sha256, "a", "b", "c").Length);
    }

    [Fact]
    public void Auth_int_covers_the_body()
    {
        var ha1 = DigestHa1.Compute(DigestAlgorithm.Sha256, "alice", "example.com", "pw");
        var a = DigestResponse.Compute(DigestAlgorithm.Sha256, ha1, "n", "00000001", "c", "auth-int", "INVITE", "sip:bob@example.com", "v=0\r\n"u8);
        var b = DigestResponse.Compute(DigestAlgorithm.Sha256, ha1, "n", "00000001", "c", "auth-int", "INVITE", "sip:bob@example.com", "v=1\r\n"u8);
        var auth = DigestResponse.Compute(DigestAlgorithm.Sha256, ha1, "n", "00000001", "c", "auth", "INVITE", "sip:bob@example.com", "v=0\r\n"u8);

        Assert.NotEqual(a, b);
        Assert.NotEqual(a, auth);

        // Independent computation of RFC 7616 §3.4.3: HA2 = H(method:uri:H(body)).
        static string H(string s) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(s)));
        var bodyHash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData("v=0\r\n"u8));
        var expected = H($"{Convert.ToHexStringLower(ha1)}:n:00000001:c:auth-int:{H($"INVITE:sip:bob@example.com:{bodyHash}")}");
        Assert.Equal(expected, a);
    }

    [Fact]
    public void Md5_sess_hashes_nonce_and_cnonce_into_ha1()
    {
        var ha1 = DigestHa1.Compute(DigestAlgorithm.Md5, "u", "r", "p");
        static string H(string s) => Convert.ToHexStringLower(System.Security.Cryptography.MD5.HashData(Encoding.UTF8.GetBytes(s)));
        var sessHa1 = H($"{Convert.ToHexStringLower(ha1)}:n:c");
        var expected = H($"{sessHa1}:n:00000001:c:auth:{H("REGISTER:sip:r")}");

        Assert.Equal(expected, DigestResponse.Compute(DigestAlgorithm.Md5Sess, ha1, "n", "00000001", "c", "auth", "REGISTER", "sip:r", default));
    }

    [Fact]
    public void Rfc2069_form_has_no_nc_or_cnonce()
    {
        var ha1 = DigestHa1.Compute(DigestAlgorithm.Md5, "u", "r", "p");
        static string H(string s) => Convert.ToHexStringLower(System.Security.Cryptography.MD5.HashData(Encoding.UTF8.GetBytes(s)));

        Assert.Equal(
            H($"{Convert.ToHexStringLower(ha1)}:n:{H("REGISTER:sip:r")}"),
            DigestResponse.Compute(DigestAlgorithm.Md5, ha1, "n", null, null, null, "REGISTER", "sip:r", default));
    }
}
