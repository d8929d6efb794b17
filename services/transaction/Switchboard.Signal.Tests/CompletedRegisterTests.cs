using Switchboard.Signal.Tests.Messages;

namespace Switchboard.Signal.Tests;

/// <summary>
/// RFC 3261 §17.2.2 through the core: a REGISTER retransmitted while its transaction is in Completed gets the same
/// final response again (the registrar is not asked twice), and completed REGISTERs leave the Server Transactions
/// Limit free for new requests until Timer J.
/// </summary>
public sealed class CompletedRegisterTests
{
    [Fact]
    public void A_retransmitted_REGISTER_gets_the_same_200_until_Timer_J()
    {
        using var h = new SignalHarness(o => o.RequireAuthentication = false);

        h.Receive(SipText.Register());
        var first = h.TakeSingle();
        Assert.Equal(200, first.StatusCode);

        h.Time.Advance(TimeSpan.FromSeconds(31));
        h.Receive(SipText.Register());
        var again = h.TakeSingle();
        Assert.Equal(first.Text, again.Text);
        Assert.Equal(1, h.Metrics.Requests("REGISTER"));

        h.Time.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(0, h.Core.Server.Table.Count);
    }

    [Fact]
    public void Completed_REGISTERs_do_not_take_the_place_of_new_requests()
    {
        using var h = new SignalHarness(o => o.RequireAuthentication = false, t => t.Server.Limit = 1);

        h.Receive(SipText.Register(cseq: 1));
        h.Receive(SipText.Register(cseq: 2));
        h.Receive(SipText.Register(cseq: 3));

        Assert.Equal([200, 200, 200], h.TakeSent().Select(s => s.StatusCode));
        Assert.Equal(0, h.Metrics.Refused);
        Assert.Equal(3, h.Core.Server.SettledCount);
    }

    [Fact]
    public void Settled_gauge_follows_the_table_as_messages_arrive()
    {
        using var h = new SignalHarness(o => o.RequireAuthentication = false);

        h.Receive(SipText.Register(cseq: 1));
        h.Receive(SipText.Register(cseq: 2));
        h.Receive(SipText.Register(cseq: 3)); // the gauge is sampled on receipt, so it sees the first two settled

        Assert.Equal(2, h.Metrics.SettledTransactions);
    }
}
