using System.Text;
using Switchboard.Sip.Uris;
using Xunit;

namespace Switchboard.Sip.Tests.Uris;

/// <summary>Seeded mutations of valid URIs: parsing never throws, and whatever parses is self-consistent.</summary>
public class SipUriFuzzTests
{
    private static readonly string[] Seeds =
    [
        "sip:%61lice:pw@atlanta.com:5060;transport=TCP;lr;x=%41?subject=project%20x&priority=urgent",
        "sips:[2001:db8::10]:5061;maddr=239.1.1.1",
        "sip:user;par=u%40example.net@example.com",
        "tel:863-1234;phone-context=+1-914-555;ext=7",
        "soap.beep://192.0.2.103:3002",
    ];

    private const string Alphabet = "%:;@?&=[]<>\" \t\r\n.-+!~*'()/$,#0123456789aAfFzZ\u0000\u007f";

    [Fact]
    public void Mutated_uris_parse_or_fail_without_throwing()
    {
        var random = new Random(4475);
        int parsed = 0;
        for (int i = 0; i < 20_000; i++)
        {
            byte[] bytes = Mutate(Encoding.ASCII.GetBytes(Seeds[i % Seeds.Length]), random);
            if (!SipUri.TryParse(bytes, out SipUri? uri))
            {
                continue;
            }

            parsed++;
            Assert.True(uri.Bytes.Span.SequenceEqual(bytes));
            Assert.Equal(uri, SipUri.Parse(uri.ToString()));
            _ = uri.User;
            _ = uri.Parameters;
            _ = uri.Headers;
            if (uri.Scheme != UriScheme.Other)
            {
                Assert.Equal(uri, SipUri.Parse(uri.ToCanonicalString()));
            }
        }

        Assert.InRange(parsed, 100, 19_900); // the mutations hit both sides of the grammar
    }

    [Fact]
    public void Built_uris_round_trip_their_components()
    {
        var random = new Random(3261);
        for (int i = 0; i < 2_000; i++)
        {
            string user = RandomText(random, 1 + random.Next(12));
            string value = RandomText(random, 1 + random.Next(8));
            var builder = new SipUriBuilder(random.Next(2) == 0 ? UriScheme.Sip : UriScheme.Sips, "host" + i + ".example.com")
            {
                User = user,
                Password = random.Next(3) == 0 ? RandomText(random, random.Next(6)) : null,
                Port = random.Next(2) == 0 ? random.Next(65536) : null,
            };
            builder.SetParameter("p" + random.Next(3), value).SetParameter("lr");
            builder.Headers.Add(new("h", value));

            SipUri uri = builder.Build();

            Assert.Equal(user, uri.User);
            Assert.Equal(builder.Password, uri.Password);
            Assert.Equal(builder.Port, uri.Port);
            Assert.Equal(value, uri.Parameters[0].Value);
            Assert.Equal(value, uri.Headers[0].Value);
            Assert.True(uri.IsLooseRouting);
        }
    }

    private static byte[] Mutate(byte[] seed, Random random)
    {
        var bytes = new List<byte>(seed);
        int edits = 1 + random.Next(3);
        for (int e = 0; e < edits && bytes.Count > 0; e++)
        {
            int at = random.Next(bytes.Count);
            byte b = (byte)Alphabet[random.Next(Alphabet.Length)];
            switch (random.Next(3))
            {
                case 0: bytes[at] = b; break;
                case 1: bytes.Insert(at, b); break;
                default: bytes.RemoveAt(at); break;
            }
        }

        return [.. bytes];
    }

    private static string RandomText(Random random, int length)
    {
        const string chars = "abcXYZ019 %;:@?&=/+$,-_.!~*'()[]<>\"é";
        var text = new StringBuilder(length);
        for (int i = 0; i < length; i++)
        {
            text.Append(chars[random.Next(chars.Length)]);
        }

        return text.ToString();
    }
}
