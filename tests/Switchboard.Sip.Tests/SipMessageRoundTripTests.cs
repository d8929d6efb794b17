using System.Buffers;
using Switchboard.Sip.Parsing;
using Switchboard.Sip.Tests.Conformance;

namespace Switchboard.Sip.Tests;

/// <summary>parse → <see cref="SipMessage.WriteTo"/> → parse gives an equal message (same start line, index, body).</summary>
public sealed class SipMessageRoundTripTests
{
    private readonly SipParser _parser = new();

    /// <summary>The messages the parser must accept (valid, semantic-error and transaction classes).</summary>
    public static TheoryData<string> Messages
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var c in Rfc4475Corpus.Cases.Where(c => c.Expected != "invalid"))
            {
                data.Add($"{c.Section} {c.Name}");
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Messages))]
    public void Parsed_corpus_message_round_trips(string section)
    {
        var first = new SipMessage();
        Assert.True(_parser.TryParseDatagram(Rfc4475Corpus.FromSection(section).ReadBytes(), first, out var firstError), firstError.ToString());

        var writer = new ArrayBufferWriter<byte>();
        first.WriteTo(writer);
        var second = new SipMessage();
        Assert.True(_parser.TryParseDatagram(writer.WrittenMemory, second, out var error), error.ToString());
        AssertEqual(first, second);
    }

    [Fact]
    public void Canned_invite_round_trips_byte_for_byte()
    {
        var bytes = TestMessages.Bytes(TestMessages.Invite);
        var message = new SipMessage();
        Assert.True(_parser.TryParseDatagram(bytes, message, out _));
        var writer = new ArrayBufferWriter<byte>();
        message.WriteTo(writer);
        Assert.Equal(bytes, writer.WrittenSpan.ToArray());
    }

    private static void AssertEqual(SipMessage a, SipMessage b)
    {
        Assert.Equal(a.IsRequest, b.IsRequest);
        Assert.Equal(a.Method, b.Method);
        Assert.Equal(a.StatusCode, b.StatusCode);
        Assert.Equal(a.GetSpan(a.MethodRange).ToArray(), b.GetSpan(b.MethodRange).ToArray());
        Assert.Equal(a.GetSpan(a.RequestUri).ToArray(), b.GetSpan(b.RequestUri).ToArray());
        Assert.Equal(a.GetSpan(a.ReasonPhrase).ToArray(), b.GetSpan(b.ReasonPhrase).ToArray());
        Assert.Equal(a.HeaderCount, b.HeaderCount);
        for (var i = 0; i < a.HeaderCount; i++)
        {
            Assert.Equal(a.Headers[i].Kind, b.Headers[i].Kind);
            Assert.Equal(a.GetName(a.Headers[i]).ToArray(), b.GetName(b.Headers[i]).ToArray());
            Assert.Equal(a.GetValue(a.Headers[i]).ToArray(), b.GetValue(b.Headers[i]).ToArray());
        }

        Assert.Equal(a.GetSpan(a.Body).ToArray(), b.GetSpan(b.Body).ToArray());
    }
}
