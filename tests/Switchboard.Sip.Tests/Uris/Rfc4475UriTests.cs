using Xunit;
using System.Text;
using Switchboard.Sip.Uris;

namespace Switchboard.Sip.Tests.Uris;

/// <summary>The URIs of the RFC 4475 torture messages, read from the corpus files themselves.</summary>
public class Rfc4475UriTests
{
    [Fact]
    public void Esc01_3_1_1_3_escaped_user_equals_unescaped()
    {
        SipUri requestUri = SipUri.Parse(RequestUri("esc01.dat"));
        Assert.Equal("sips:user@example.com", requestUri.User);
        Assert.Equal("example.net", requestUri.Host);

        Assert.Equal(SipUri.Parse("sip:user@example.com"), SipUri.Parse("sip:%75se%72@example.com"));
        Assert.Equal("I have spaces", SipUri.Parse("sip:I%20have%20spaces@example.net").User);

        SipUri contact = SipUri.Parse("sip:cal%6Cer@host5.example.net;%6C%72;n%61me=v%61lue%25%34%31");
        Assert.Equal("caller", contact.User);
        Assert.True(contact.IsLooseRouting);
        Assert.Equal("value%41", contact.GetParameter("name"));
    }

    [Fact]
    public void Escnull_3_1_1_4_escaped_nul_is_kept()
    {
        SipUri one = SipUri.Parse("sip:%00@host5.example.com"), two = SipUri.Parse("sip:%00%00@host5.example.com");
        Assert.Equal("\0", one.User);
        Assert.Equal("\0\0", two.User);
        Assert.NotEqual(one, two);
        Assert.Equal("null-\0-null", SipUri.Parse("sip:null-%00-null@example.com").User);
    }

    [Fact]
    public void Intmeth_3_1_1_2_unusual_user_and_password()
    {
        SipUri uri = SipUri.Parse(RequestUri("intmeth.dat"));
        Assert.Equal("1_unusual.URI~(to-be!sure)&isn't+it$/crazy?,/;;*", uri.User);
        Assert.Equal("&it+has=1,weird!*pas$wo~d_too.(doesn't-it)", uri.Password);
        Assert.Equal("example.com", uri.Host);
        Assert.Empty(uri.Parameters);
    }

    [Fact]
    public void Semiuri_3_1_1_9_semicolons_belong_to_the_user_part()
    {
        SipUri uri = SipUri.Parse(RequestUri("semiuri.dat"));
        Assert.Equal("user;par=u@example.net", uri.User);
        Assert.Equal("example.com", uri.Host);
        Assert.Empty(uri.Parameters);
    }

    [Fact]
    public void Escruri_3_1_2_11_escaped_headers_are_parsed_as_uri_headers()
    {
        SipUri uri = SipUri.Parse(RequestUri("escruri.dat"));
        Assert.Equal([new("Route", "<sip:example.com>")], uri.Headers);

        // What a proxy must do with it: rebuild the Request-URI without the headers.
        SipUriBuilder builder = SipUriBuilder.From(uri);
        builder.Headers.Clear();
        Assert.Equal("sip:user@example.com", builder.Build().ToString());
    }

    [Fact]
    public void Regescrt_3_3_14_contact_keeps_escaped_route_header()
    {
        SipUri uri = SipUri.Parse("sip:user@example.com?Route=%3Csip:sip.example.com%3E");
        Assert.Equal("<sip:sip.example.com>", uri.Headers.Single().Value);
        Assert.Equal("sip:user@example.com?Route=%3Csip:sip.example.com%3E", uri.ToString());
    }

    [Theory]
    [InlineData("unkscm.dat", "nobodyKnowsThisScheme")]
    [InlineData("novelsc.dat", "soap.beep")]
    public void Unknown_request_uri_schemes_parse_as_other(string file, string scheme)
    {
        SipUri uri = SipUri.Parse(RequestUri(file));
        Assert.Equal(UriScheme.Other, uri.Scheme);
        Assert.Equal(scheme, uri.SchemeName);
    }

    [Fact]
    public void Cparam02_3_3_13_unknown_url_parameter_is_kept()
    {
        SipUri uri = SipUri.Parse("sip:+19725552222@gw1.example.net;unknownparam");
        Assert.Equal([new("unknownparam", null)], uri.Parameters);
    }

    [Fact]
    public void Esc02_and_every_request_line_of_the_corpus_parse_or_fail_cleanly()
    {
        string directory = Path.Combine(AppContext.BaseDirectory, "Conformance", "rfc4475");
        string[] files = Directory.GetFiles(directory, "*.dat");
        Assert.True(files.Length >= 40);
        foreach (string file in files)
        {
            byte[] message = File.ReadAllBytes(file);
            ReadOnlySpan<byte> line = message.AsSpan(0, Math.Max(0, message.AsSpan().IndexOf("\r\n"u8)));
            int first = line.IndexOf((byte)' '), last = line.LastIndexOf((byte)' ');
            if (first > 0 && last > first && !line.StartsWith("SIP/"u8))
            {
                _ = SipUri.TryParse(line[(first + 1)..last], out _); // must not throw on any input
            }
        }

        Assert.Equal("registrar.example.com", SipUri.Parse(RequestUri("esc02.dat")).Host);
    }

    private static string RequestUri(string file)
    {
        byte[] bytes = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Conformance", "rfc4475", file));
        string firstLine = Encoding.UTF8.GetString(bytes.AsSpan(0, bytes.AsSpan().IndexOf("\r\n"u8)));
        return firstLine.Split(' ')[1];
    }
}
