using System.Text;
using Switchboard.Sip.Parsing;
using Switchboard.Sip.Writing;
using Xunit;
using static Switchboard.Sip.Tests.Writing.ParsedMessages;

namespace Switchboard.Sip.Tests.Writing;

/// <summary>parse → write without edits → parse gives the same message, for our sample and the valid RFC 4475 messages.</summary>
public class RoundTripTests
{
    public static TheoryData<string> ValidCorpus()
    {
        var data = new TheoryData<string>();
        string manifest = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Conformance", "rfc4475", "MANIFEST.tsv"));
        foreach (string line in manifest.Split('\n').Skip(1))
        {
            string[] columns = line.Split('\t');
            if (columns.Length > 3 && columns[3] == "valid")
            {
                data.Add(columns[0]);
            }
        }

        return data;
    }

    [Fact]
    public void Sample_invite_round_trips() => AssertRoundTrip(Encoding.UTF8.GetBytes(Crlf(Invite)));

    [Theory]
    [MemberData(nameof(ValidCorpus))]
    public void Corpus_message_round_trips(string file)
    {
        byte[] bytes = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Conformance", "rfc4475", file));
        AssertRoundTrip(bytes);
    }

    private static void AssertRoundTrip(byte[] bytes)
    {
        var parser = new SipParser();
        var first = new SipMessage();
        Assert.True(parser.TryParseDatagram(bytes, first, out SipParseError firstError), firstError.ToString());

        var editor = new SipMessageEditor();
        editor.Reset(first);
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        editor.WriteTo(buffer);
        Assert.True(buffer.WrittenSpan.SequenceEqual(first.Span));

        var second = new SipMessage();
        Assert.True(parser.TryParseDatagram(buffer.WrittenMemory, second, out SipParseError error), error.ToString());
        Assert.Equal(first.HeaderCount, second.HeaderCount);
        for (int i = 0; i < first.HeaderCount; i++)
        {
            Assert.Equal(first.Headers[i].Kind, second.Headers[i].Kind);
            Assert.True(first.GetValue(first.Headers[i]).SequenceEqual(second.GetValue(second.Headers[i])));
        }

        Assert.True(first.GetSpan(first.Body).SequenceEqual(second.GetSpan(second.Body)));
        Assert.Equal(first.IsRequest, second.IsRequest);
        Assert.True(first.GetSpan(first.RequestUri).SequenceEqual(second.GetSpan(second.RequestUri)));
    }
}
