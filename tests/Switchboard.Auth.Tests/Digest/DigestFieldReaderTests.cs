using System.Text;
using Switchboard.Auth.Digest;

namespace Switchboard.Auth.Tests.Digest;

public class DigestFieldReaderTests
{
    private const string Valid =
        "Digest username=\"alice\", realm=\"example.com\", nonce=\"abc\", uri=\"sip:example.com\", "
        + "response=\"0123456789abcdef0123456789abcdef\", algorithm=MD5, qop=auth, nc=0000000a, cnonce=\"xyz\", opaque=\"op\"";

    private static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);

    [Fact]
    public void Reads_every_field_as_a_slice_of_the_value()
    {
        var value = Bytes(Valid);

        Assert.Equal(DigestReadStatus.Read, DigestFieldReader.TryRead(value, out var ranges, out _));
        Assert.True(DigestFieldReader.TryValidate(value, ranges, out var fields, out var error), error);

        Assert.Equal("alice", fields.User);
        Assert.Equal("example.com", Encoding.UTF8.GetString(fields.Realm.Span));
        Assert.Equal("abc", Encoding.UTF8.GetString(fields.Nonce.Span));
        Assert.Equal("sip:example.com", Encoding.UTF8.GetString(fields.Uri.Span));
        Assert.Equal(DigestAlgorithm.Md5, fields.Algorithm);
        Assert.Equal(DigestQop.Auth, fields.Qop);
        Assert.Equal(10u, fields.Nc);
        Assert.Equal("xyz", Encoding.UTF8.GetString(fields.Cnonce.Span));
        Assert.True(fields.HasOpaque);
        Assert.Equal("op", Encoding.UTF8.GetString(fields.Opaque.Span));
    }

    [Fact]
    public void The_first_of_repeated_parameters_wins_and_names_ignore_case()
    {
        var value = Bytes("digest USERNAME=\"bob\", username=\"mallory\", Realm=r, nonce=n, uri=u, response=00, QOP=Auth-Int, nc=00000001, cnonce=c");

        Assert.Equal(DigestReadStatus.Read, DigestFieldReader.TryRead(value, out var ranges, out _));
        Assert.True(DigestFieldReader.TryValidate(value, ranges, out var fields, out _));
        Assert.Equal("bob", fields.User);
        Assert.Equal(DigestQop.AuthInt, fields.Qop);
        Assert.False(fields.HasOpaque);
    }

    [Theory]
    [InlineData("Digest realm=\"unterminated", "unterminated quoted string")]
    [InlineData("Digest realm x", "parameter 'realm' has no value")]
    [InlineData("Digest realm=\"a\" nonce=\"b\"", "expected ',' after parameter 'realm'")]
    [InlineData("Digest realm=, nonce=1", "empty or invalid parameter value")]
    [InlineData("Digest =x", "invalid parameter name")]
    [InlineData("Digest realm=\"a\rb\"", "control character in quoted string")]
    [InlineData("", "missing scheme")]
    [InlineData("Digest\"", "invalid character after scheme")]
    public void Malformed_values_fail_with_the_string_parser_errors(string text, string expected)
    {
        Assert.Equal(DigestReadStatus.Invalid, DigestFieldReader.TryRead(Bytes(text), out _, out var error));
        Assert.Equal(expected, error);
    }

    [Fact]
    public void Oversized_values_and_too_many_parameters_fail()
    {
        var huge = Bytes("Digest realm=\"" + new string('x', 9000) + "\"");
        var many = Bytes("Digest " + string.Join(", ", Enumerable.Range(0, 40).Select(i => $"p{i}=v")));

        Assert.Equal(DigestReadStatus.Invalid, DigestFieldReader.TryRead(huge, out _, out var tooLong));
        Assert.Equal("header value too long", tooLong);
        Assert.Equal(DigestReadStatus.Invalid, DigestFieldReader.TryRead(many, out _, out var tooMany));
        Assert.Equal("too many parameters", tooMany);
    }

    [Theory]
    [InlineData("Basic YWxpY2U6c2VjcmV0", "NotDigest")]
    [InlineData("NTLM qop=\"auth\"", "NotDigest")]
    [InlineData("Digest dG9rZW42OA==", "Fallback")]
    [InlineData("Digest username=\"al\\\"ice\", realm=r", "Fallback")]
    public void Other_schemes_and_rare_forms_are_left_to_the_string_parser(string text, string expected)
    {
        Assert.Equal(expected, DigestFieldReader.TryRead(Bytes(text), out _, out _).ToString());
    }

    [Theory]
    [InlineData("Digest realm=r, nonce=n, uri=u, response=00", "missing username, realm, nonce, uri or response")]
    [InlineData("Digest username=a, realm=r, nonce=n, uri=u, response=00, algorithm=SHA-512", "unknown algorithm")]
    [InlineData("Digest username=a, realm=r, nonce=n, uri=u, response=00, qop=auth, cnonce=c", "qop without valid cnonce and nc")]
    [InlineData("Digest username=a, realm=r, nonce=n, uri=u, response=00, qop=auth, nc=00000000, cnonce=c", "qop without valid cnonce and nc")]
    [InlineData("Digest username=a, realm=r, nonce=n, uri=u, response=00, qop=auth, nc=0000001, cnonce=c", "qop without valid cnonce and nc")]
    [InlineData("Digest username=a, realm=r, nonce=n, uri=u, response=00, qop=auth, nc=0000000g, cnonce=c", "qop without valid cnonce and nc")]
    [InlineData("Digest username=a, realm=r, nonce=n, uri=u, response=00, qop=auth, nc=00000001", "qop without valid cnonce and nc")]
    public void Incomplete_answers_fail_validation_with_the_record_parser_errors(string text, string expected)
    {
        var value = Bytes(text);

        Assert.Equal(DigestReadStatus.Read, DigestFieldReader.TryRead(value, out var ranges, out _));
        Assert.False(DigestFieldReader.TryValidate(value, ranges, out _, out var error));
        Assert.Equal(expected, error);
    }

    [Fact]
    public void An_overlong_response_is_refused()
    {
        var value = Bytes($"Digest username=a, realm=r, nonce=n, uri=u, response=\"{new string('0', 65)}\"");

        Assert.Equal(DigestReadStatus.Read, DigestFieldReader.TryRead(value, out var ranges, out _));
        Assert.False(DigestFieldReader.TryValidate(value, ranges, out _, out var error));
        Assert.Equal("response too long", error);
    }

    [Theory]
    [InlineData("00ff", true)]
    [InlineData("00FF", true)]
    [InlineData("0g", false)]
    [InlineData("0", false)]
    [InlineData("000", false)]
    public void Hex_decodes_either_case_and_refuses_anything_else(string hex, bool ok)
    {
        var destination = new byte[hex.Length / 2 == 0 ? 1 : 2];
        var result = HexDecoder.TryDecode(Bytes(hex), destination);

        Assert.Equal(ok, result);
        if (ok)
        {
            Assert.Equal([0x00, 0xFF], destination);
        }
    }
}
