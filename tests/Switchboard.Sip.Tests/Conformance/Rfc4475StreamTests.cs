using Switchboard.Sip.Framing;
using Switchboard.Sip.Parsing;
using Switchboard.Sip.Tests.Framing;

namespace Switchboard.Sip.Tests.Conformance;

/// <summary>Every corpus message fed to the stream framer in random-sized chunks must end as the datagram parse did.</summary>
public sealed class Rfc4475StreamTests
{
    private readonly SipParser _parser = new();
    private readonly SipStreamFramer _framer = new();

    public static TheoryData<string> Messages => Rfc4475Corpus.Sections();

    [Theory]
    [MemberData(nameof(Messages))]
    public void Stream(string section)
    {
        var c = Rfc4475Corpus.FromSection(section);
        var bytes = c.ReadBytes();
        var datagram = new SipMessage();
        var datagramOk = _parser.TryParseDatagram(bytes, datagram, out var datagramError);

        for (var seed = 0; seed < 8; seed++)
        {
            var (frames, pending) = StreamFeeder.Feed(_framer, bytes, new Random(seed * 7919 + c.Name.Length), 3 + seed * 37);
            var first = frames.FirstOrDefault();
            switch (datagramError.Kind)
            {
                case SipParseErrorKind.ContentLengthExceedsData or SipParseErrorKind.IncompleteHeaders:
                    Assert.Empty(frames); // clerr, baddn: wait for more data (the transport's idle timer closes)
                    Assert.True(pending);
                    break;
                case SipParseErrorKind.InvalidContentLength:
                    Assert.Equal(SipFrameStatus.Error, Assert.Single(frames).Status); // ncl, mcl01: close
                    break;
                case SipParseErrorKind.None when !datagram.HasContentLength:
                    Assert.Equal(SipParseErrorKind.MissingContentLength, Assert.Single(frames).Error.Kind); // inv2543
                    break;
                default:
                    Assert.NotNull(first);
                    Assert.Equal(SipFrameStatus.Message, first.Status);
                    var streamed = new SipMessage();
                    var ok = _parser.TryParseFramed(first.Message, streamed, out var error);
                    Assert.Equal(datagramOk, ok);
                    Assert.Equal(datagramError.Kind, error.Kind);
                    if (ok)
                    {
                        Assert.Equal(datagram.Buffer.ToArray(), first.Message);
                        Assert.Equal(datagram.HeaderCount, streamed.HeaderCount);
                    }

                    break;
            }
        }
    }
}
