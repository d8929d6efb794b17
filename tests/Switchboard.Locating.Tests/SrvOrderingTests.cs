using DnsClient;
using DnsClient.Protocol;
using Switchboard.Locating;
using Switchboard.Contracts.Sip;

namespace Switchboard.Locating.Tests;

public class SrvOrderingTests
{
    [Fact]
    public void LowerPriorityAlwaysComesFirstAndDotTargetsAreSkipped()
    {
        var ordered = SrvOrdering.Order([Srv(20, 100, "c."), Srv(10, 0, "b."), Srv(10, 50, "a."), Srv(5, 0, ".")], new Random(1));

        Assert.Equal(new[] { "a.", "b.", "c." }, ordered.Select(r => r.Target.Value).Order().ToArray());
        Assert.Equal("c.", ordered[2].Target.Value);
    }

    [Fact]
    public void WeightsShareTheFirstPlaceInProportion()
    {
        var random = new Random(42);
        var heavyFirst = 0;
        for (var i = 0; i < 2_000; i++)
        {
            if (SrvOrdering.Order([Srv(1, 10, "light."), Srv(1, 90, "heavy.")], random)[0].Target.Value == "heavy.")
                heavyFirst++;
        }

        Assert.InRange(heavyFirst, 1_650, 1_950);
    }

    private static SrvRecord Srv(ushort priority, ushort weight, string target) =>
        new(new ResourceRecordInfo("_sip._udp.x.", ResourceRecordType.SRV, QueryClass.IN, 60, 0), priority, weight, 5060, DnsString.Parse(target));
}
