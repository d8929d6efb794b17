using Switchboard.Signal.Tests.Messages;

namespace Switchboard.Signal.Tests;

/// <summary>Until the proxy exists, requests for users are refused with the most useful code.</summary>
public sealed class NotYetServedTests
{
    [Fact]
    public void Invite_to_an_unknown_user_gets_404()
    {
        using var h = new SignalHarness();

        h.Receive(SipText.Request("INVITE", "sip:nobody@example.com", "z9hG4bKi1", "c1@192.0.2.10"));

        Assert.Equal(404, h.TakeSingle().StatusCode);
    }

    [Fact]
    public void Message_to_a_user_without_a_binding_gets_480()
    {
        using var h = new SignalHarness();

        h.Receive(SipText.Request("MESSAGE", "sip:bob@example.com", "z9hG4bKm1", "c2@192.0.2.10"));

        Assert.Equal(480, h.TakeSingle().StatusCode);
    }

    [Fact]
    public void Invite_to_a_registered_user_gets_501_until_the_proxy_exists()
    {
        using var h = new SignalHarness(o => o.RequireAuthentication = false);
        h.Receive(SipText.Register(user: "bob", contact: "<sip:bob@192.0.2.10:5070>"));
        Assert.Equal(200, h.TakeSingle().StatusCode);

        h.Receive(SipText.Request("INVITE", "sip:bob@example.com", "z9hG4bKi2", "c3@192.0.2.10"));

        Assert.Equal(501, h.TakeSingle().StatusCode);
    }

    [Fact]
    public void Request_for_a_foreign_domain_gets_501()
    {
        using var h = new SignalHarness();

        h.Receive(SipText.Request("SUBSCRIBE", "sip:carol@elsewhere.example.org", "z9hG4bKs1", "c4@192.0.2.10", extra: "Event: presence"));

        Assert.Equal(501, h.TakeSingle().StatusCode);
    }

    [Fact]
    public void Ack_for_a_2xx_is_absorbed_without_an_answer()
    {
        using var h = new SignalHarness();

        h.Receive(SipText.Request("ACK", "sip:bob@example.com", "z9hG4bKa1", "c5@192.0.2.10"));

        Assert.Empty(h.TakeSent());
        Assert.Equal(1, h.Metrics.Requests("ACK"));
    }
}
