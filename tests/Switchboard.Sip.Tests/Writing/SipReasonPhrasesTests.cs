using Switchboard.Sip.Writing;
using Xunit;

namespace Switchboard.Sip.Tests.Writing;

public class SipReasonPhrasesTests
{
    [Theory]
    [InlineData(100, "Trying")]
    [InlineData(180, "Ringing")]
    [InlineData(200, "OK")]
    [InlineData(302, "Moved Temporarily")]
    [InlineData(401, "Unauthorized")]
    [InlineData(407, "Proxy Authentication Required")]
    [InlineData(416, "Unsupported URI Scheme")]
    [InlineData(420, "Bad Extension")]
    [InlineData(423, "Interval Too Brief")]
    [InlineData(481, "Call/Transaction Does Not Exist")]
    [InlineData(483, "Too Many Hops")]
    [InlineData(488, "Not Acceptable Here")]
    [InlineData(491, "Request Pending")]
    [InlineData(505, "Version Not Supported")]
    [InlineData(513, "Message Too Large")]
    [InlineData(600, "Busy Everywhere")]
    [InlineData(603, "Decline")]
    [InlineData(604, "Does Not Exist Anywhere")]
    [InlineData(606, "Not Acceptable")]
    [InlineData(199, "Early Dialog Terminated")]
    [InlineData(289, "Success")]
    [InlineData(499, "Client Error")]
    [InlineData(699, "Global Failure")]
    public void Knows_the_standard_phrases(int code, string phrase) => Assert.Equal(phrase, SipReasonPhrases.Get(code));

    [Theory]
    [InlineData(0)]
    [InlineData(99)]
    [InlineData(700)]
    public void Rejects_codes_outside_the_sip_range(int code) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => SipReasonPhrases.Get(code));
}
