using Switchboard.Contracts.Events;
using Switchboard.Sip;

namespace Switchboard.Proxy.Tests;

/// <summary>RFC 3261 §16.10 (CANCEL from the caller) and §16.8 (Timer C), with a fake clock.</summary>
public sealed class CancelAndTimerCTests
{
    private static ProxyHarness WithBob(int bindings)
    {
        var harness = new ProxyHarness();
        harness.Router.AddAccount("bob");
        for (int i = 0; i < bindings; i++)
        {
            harness.Registrar.Add("sip:bob@example.com", $"sip:bob@203.0.113.{20 + i}:5070");
        }

        return harness;
    }

    private static string Cancel(string branch = "z9hG4bK-caller-1") => $"""
        CANCEL sip:bob@example.com SIP/2.0
        Via: SIP/2.0/UDP 198.51.100.7:5060;branch={branch}
        Max-Forwards: 70
        From: <sip:carol@example.net>;tag=c1
        To: <sip:bob@example.com>
        Call-ID: call-1@198.51.100.7
        CSeq: 1 CANCEL
        Content-Length: 0


        """;

    [Fact]
    public async Task A_cancel_before_the_answer_is_answered_200_cancels_the_branches_and_the_caller_gets_487()
    {
        var harness = WithBob(2);
        var (_, upstream) = await harness.SendAsync(TestMessages.Invite());
        var invites = harness.Transport.Requests(SipMethod.Invite);
        invites[0].Respond(180, "a");

        var (outcome, cancelTransaction) = await harness.SendAsync(Cancel());

        Assert.Equal(ProxyOutcome.Answered, outcome);
        Assert.Equal([200], cancelTransaction.Statuses);
        var cancel = Assert.Single(harness.Transport.Requests(SipMethod.Cancel)); // the silent branch waits for a provisional (§9.1)
        Assert.Equal(invites[0].Request.Branch, cancel.Request.Branch);
        Assert.DoesNotContain("Reason:", cancel.Text, StringComparison.Ordinal);
        Assert.Equal([180], upstream.Statuses);

        invites[0].Respond(487, "a");

        Assert.Equal([180, 487], upstream.Statuses);
        Assert.Equal(487, Assert.Single(harness.Events.OfType<CallEnded>()).Status);

        invites[1].Respond(180, "b"); // the late provisional of the other branch releases its CANCEL
        Assert.Equal(2, harness.Transport.Requests(SipMethod.Cancel).Count);
        Assert.Equal([180, 487], upstream.Statuses);
    }

    [Fact]
    public async Task A_cancel_before_any_provisional_answers_487_at_once()
    {
        var harness = WithBob(1);
        var (_, upstream) = await harness.SendAsync(TestMessages.Invite());

        await harness.SendAsync(Cancel());

        Assert.Equal([487], upstream.Statuses);
        Assert.Empty(harness.Transport.Requests(SipMethod.Cancel));
        Assert.Equal(0, harness.Proxy.ActiveContexts);
    }

    [Fact]
    public async Task A_cancel_matching_no_invite_gets_481()
    {
        var harness = WithBob(1);

        var (_, cancelTransaction) = await harness.SendAsync(Cancel("z9hG4bK-unknown"));

        Assert.Equal([481], cancelTransaction.Statuses);
    }

    [Fact]
    public async Task Timer_c_cancels_a_ringing_branch_and_the_487_goes_upstream()
    {
        var harness = WithBob(1);
        var (_, upstream) = await harness.SendAsync(TestMessages.Invite());
        var invite = harness.Transport.Started[0];
        invite.Respond(180, "a");

        harness.Time.Advance(TimeSpan.FromSeconds(180));
        Assert.Empty(harness.Transport.Requests(SipMethod.Cancel));
        harness.Time.Advance(TimeSpan.FromSeconds(2));

        Assert.Single(harness.Transport.Requests(SipMethod.Cancel));
        invite.Respond(487, "a");
        Assert.Equal([180, 487], upstream.Statuses);
    }

    [Fact]
    public async Task Each_provisional_restarts_timer_c()
    {
        var harness = WithBob(1);
        await harness.SendAsync(TestMessages.Invite());
        var invite = harness.Transport.Started[0];
        invite.Respond(180, "a");
        harness.Time.Advance(TimeSpan.FromSeconds(170));

        invite.Respond(183, "a");
        harness.Time.Advance(TimeSpan.FromSeconds(170));

        Assert.Empty(harness.Transport.Requests(SipMethod.Cancel));
    }

    [Fact]
    public async Task Timer_c_on_a_silent_branch_acts_as_408()
    {
        var harness = WithBob(1);
        var (_, upstream) = await harness.SendAsync(TestMessages.Invite());

        harness.Time.Advance(TimeSpan.FromSeconds(181));

        Assert.Equal([408], upstream.Statuses);
        Assert.Empty(harness.Transport.Requests(SipMethod.Cancel));
    }

    [Fact]
    public async Task A_branch_that_ignores_the_timer_c_cancel_is_given_up_with_408()
    {
        var harness = WithBob(1);
        var (_, upstream) = await harness.SendAsync(TestMessages.Invite());
        harness.Transport.Started[0].Respond(180, "a");

        harness.Time.Advance(TimeSpan.FromSeconds(181));
        harness.Time.Advance(TimeSpan.FromSeconds(181));

        Assert.Equal([180, 408], upstream.Statuses);
    }

    [Fact]
    public void Timer_c_of_three_minutes_or_less_is_refused()
    {
        var options = new ProxyOptions { TimerC = TimeSpan.FromMinutes(3) };

        Assert.Throws<ArgumentOutOfRangeException>(options.Validate);
    }
}
