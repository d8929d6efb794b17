using System.Text;
using Switchboard.Auth.Parsing;

namespace Switchboard.Auth.Tests.Parsing;

public class AuthHeaderParserTests
{
    [Fact]
    public void Parses_digest_parameters_with_quotes_escapes_and_tokens()
    {
        var ok = AuthHeaderParser.TryParse(
            "Digest username=\"Mu\\\"fasa\", REALM=\"a@b\",nc=00000001 ,  qop=auth, uri=\"sip:x@y;transport=tcp\"",
            out var header, out var error);

        Assert.True(ok, error);
        Assert.Equal("Digest", header!.Scheme);
        Assert.Equal("Mu\"fasa", header.Get("username"));
        Assert.Equal("a@b", header.Get("realm"));
        Assert.Equal("00000001", header.Get("NC"));
        Assert.Equal("auth", header.Get("qop"));
        Assert.Equal("sip:x@y;transport=tcp", header.Get("uri"));
        Assert.False(header.Parameters[2].WasQuoted);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(700)]
    public void Unescapes_quoted_pairs_of_any_length(int repeat)
    {
        var raw = string.Concat(Enumerable.Repeat("a\\\\b\\\"", repeat)); // each repeat is a\\b\" on the wire
        Assert.True(AuthHeaderParser.TryParse($"Digest realm=\"{raw}\", nonce=\"n\"", out var header, out var error), error);

        Assert.Equal(string.Concat(Enumerable.Repeat("a\\b\"", repeat)), header!.Get("realm"));
        Assert.Equal("n", header.Get("nonce"));
    }

    [Fact]
    public void Parses_basic_token68()
    {
        Assert.True(AuthHeaderParser.TryParse("Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==", out var header, out _));
        Assert.True(header!.IsScheme("basic"));
        Assert.Equal("QWxhZGRpbjpvcGVuIHNlc2FtZQ==", header.Token68);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("Digest realm=\"unterminated")]
    [InlineData("Digest realm=\"a\" nonce=\"b\"")]
    [InlineData("Digest =x")]
    [InlineData("Digest realm=\"a\\")]
    [InlineData("Dig\"est realm=x")]
    public void Rejects_malformed_values(string value)
    {
        Assert.False(AuthHeaderParser.TryParse(value, out var header, out var error));
        Assert.Null(header);
        Assert.NotEmpty(error);
    }

    [Theory]
    [InlineData("Digest realm")]
    [InlineData("Digest realm=")]
    public void Bare_word_is_a_token68_not_a_parameter(string value)
    {
        // RFC 7235 §2.1 grammar makes these token68; Digest then finds no parameters in them.
        Assert.True(AuthHeaderParser.TryParse(value, out var header, out _));
        Assert.Empty(header!.Parameters);
        Assert.Null(header.Get("realm"));
        Assert.False(Switchboard.Auth.Digest.DigestCredentials.TryParse(header, out _, out _));
    }

    [Fact]
    public void Rejects_absurd_sizes()
    {
        var huge = "Digest realm=\"" + new string('a', AuthHeaderParser.MaxValueLength) + "\"";
        Assert.False(AuthHeaderParser.TryParse(huge, out _, out var error));
        Assert.Contains("too long", error);

        var many = "Digest " + string.Join(", ", Enumerable.Range(0, AuthHeaderParser.MaxParameters + 1).Select(i => $"p{i}=1"));
        Assert.False(AuthHeaderParser.TryParse(Encoding.ASCII.GetBytes(many), out _, out error));
        Assert.Contains("too many", error);
    }

    [Fact]
    public void Accepts_exactly_the_maximum_parameter_count()
    {
        var many = "Digest " + string.Join(", ", Enumerable.Range(0, AuthHeaderParser.MaxParameters).Select(i => $"p{i}=1"));
        Assert.True(AuthHeaderParser.TryParse(many, out var header, out _));
        Assert.Equal(AuthHeaderParser.MaxParameters, header!.Parameters.Count);
    }

    [Fact]
    public void Random_bytes_never_throw()
    {
        var random = new Random(1234);
        var buffer = new byte[200];
        for (var i = 0; i < 2000; i++)
        {
            random.NextBytes(buffer);
            var prefix = Encoding.ASCII.GetBytes("Digest ");
            var input = prefix.Concat(buffer.Take(random.Next(buffer.Length))).ToArray();
            _ = AuthHeaderParser.TryParse(input, out _, out _);
        }
    }
}
