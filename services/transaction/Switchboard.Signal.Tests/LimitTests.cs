using Switchboard.Signal.Tests.Doubles;
using Switchboard.Signal.Tests.Messages;
using Switchboard.Sip;

namespace Switchboard.Signal.Tests;

public sealed class LimitTests
{
    [Fact]
    public void Over_the_server_transaction_limit_a_new_request_gets_503_with_retry_after()
    {
        var held = new RecordingHandler(SipMethod.Invite);
        using var h = new SignalHarness(o => o.RetryAfterSeconds = 7, t => t.Server.Limit = 1, firstHandlers: held);

        h.Receive(SipText.Request("INVITE", "sip:bob@example.com", "z9hG4bKfirst", "call-1@192.0.2.10"));
        h.Receive(SipText.Options("sip:ping@sip.example.com", branch: "z9hG4bKsecond"));

        var sent = h.TakeSingle();
        Assert.Equal(503, sent.StatusCode);
        Assert.Equal(["7"], sent.Headers("Retry-After"));
        Assert.Equal(1, h.Metrics.Refused);
        Assert.Single(held.Seen);
    }

    [Fact]
    public void A_retransmission_at_the_limit_still_reaches_its_transaction()
    {
        using var h = new SignalHarness(transactions: t => t.Server.Limit = 1);

        h.Receive(SipText.Options());
        h.Receive(SipText.Options());

        Assert.Equal([200, 200], h.TakeSent().Select(s => s.StatusCode));
        Assert.Equal(0, h.Metrics.Refused);
    }
}
