using Switchboard.Signal.Tests.Doubles;
using Switchboard.Signal.Tests.Messages;
using Switchboard.Sip;
using Switchboard.Transaction.Server;

namespace Switchboard.Signal.Tests;

public sealed class CancelTests
{
    private const string InviteUri = "sip:bob@example.com";

    [Fact]
    public void Cancel_of_a_pending_invite_gets_200_and_the_invite_487_whose_ack_is_absorbed()
    {
        var held = new RecordingHandler(SipMethod.Invite | SipMethod.Ack);
        using var h = new SignalHarness(firstHandlers: held);

        h.Receive(SipText.Request("INVITE", InviteUri, "z9hG4bKinv1", "call-1@192.0.2.10"));
        Assert.Empty(h.TakeSent());
        Assert.Single(held.Seen);

        h.Receive(SipText.Request("CANCEL", InviteUri, "z9hG4bKinv1", "call-1@192.0.2.10"));
        var sent = h.TakeSent();
        Assert.Equal(2, sent.Count);
        var cancelOk = Assert.Single(sent, s => s.Headers("CSeq").Single() == "1 CANCEL");
        var terminated = Assert.Single(sent, s => s.Headers("CSeq").Single() == "1 INVITE");
        Assert.Equal(200, cancelOk.StatusCode);
        Assert.Equal(487, terminated.StatusCode);
        Assert.Equal(cancelOk.Headers("To"), terminated.Headers("To"));

        string toWithTag = terminated.Headers("To").Single();
        h.Receive(SipText.Request("ACK", InviteUri, "z9hG4bKinv1", "call-1@192.0.2.10").Replace($"To: <{InviteUri}>", "To: " + toWithTag));

        Assert.Empty(h.TakeSent());
        Assert.Single(held.Seen); // the INVITE only: the ACK for the 487 stayed in its transaction
        Assert.True(h.Core.Server.TryFind(InviteKey("z9hG4bKinv1"), out var invite));
        Assert.Equal(ServerInviteState.Confirmed, ((ServerInviteTransaction)invite!).State);
    }

    [Fact]
    public void Cancel_after_the_final_response_gets_200_and_changes_nothing()
    {
        using var h = new SignalHarness();
        h.Receive(SipText.Request("INVITE", "sip:nobody@example.com", "z9hG4bKinv2", "call-2@192.0.2.10"));
        Assert.Equal(404, h.TakeSingle().StatusCode);

        h.Receive(SipText.Request("CANCEL", "sip:nobody@example.com", "z9hG4bKinv2", "call-2@192.0.2.10"));

        var sent = h.TakeSingle();
        Assert.Equal(200, sent.StatusCode);
        Assert.Equal(["1 CANCEL"], sent.Headers("CSeq"));
    }

    [Fact]
    public void Cancel_without_an_invite_gets_481()
    {
        using var h = new SignalHarness();

        h.Receive(SipText.Request("CANCEL", InviteUri, "z9hG4bKnone", "call-3@192.0.2.10"));

        Assert.Equal(481, h.TakeSingle().StatusCode);
    }

    [Fact]
    public void Rfc2543_branches_still_match_cancel_to_invite()
    {
        var held = new RecordingHandler(SipMethod.Invite);
        using var h = new SignalHarness(firstHandlers: held);

        h.Receive(SipText.Request("INVITE", InviteUri, "oldbranch1", "call-4@192.0.2.10"));
        h.Receive(SipText.Request("INVITE", InviteUri, "oldbranch1", "call-4@192.0.2.10")); // retransmission
        h.Receive(SipText.Request("CANCEL", InviteUri, "oldbranch1", "call-4@192.0.2.10"));

        Assert.Single(held.Seen);
        Assert.Equal([200, 487], h.TakeSent().Select(s => s.StatusCode).Order());
    }

    private static Switchboard.Transaction.Keys.TransactionKey InviteKey(string branch) =>
        Switchboard.Transaction.Keys.TransactionKey.ForServer(branch, "192.0.2.10", 5070, "INVITE");
}
