using Switchboard.Signal.Tests.Messages;

namespace Switchboard.Signal.Tests;

public sealed class ValidationTests
{
    [Theory]
    [InlineData("sip:sip.example.com")]      // to the server (UAS role: the validator's 501)
    [InlineData("sip:alice@example.com")]    // to a user (proxy role: the handler's 501)
    public void Unknown_method_gets_501(string uri)
    {
        using var h = new SignalHarness();

        h.Receive(SipText.Request("NEWMETHOD", uri, "z9hG4bKnew1", "new-1@192.0.2.10"));

        Assert.Equal(501, h.TakeSingle().StatusCode);
    }

    [Fact]
    public void Bext01_unsupported_proxy_require_gets_420_listing_the_tags()
    {
        using var h = new SignalHarness();

        h.Receive(SignalHarness.Rfc4475("bext01"));

        var sent = h.TakeSingle();
        Assert.Equal(420, sent.StatusCode);
        Assert.Equal(["noProxiesSupportThis, norDoAnyProxiesSupportThis"], sent.Headers("Unsupported"));
        Assert.Equal(1, h.Metrics.StatelessResponses(420));
    }

    [Fact]
    public void Require_of_an_unknown_extension_to_the_server_gets_420()
    {
        using var h = new SignalHarness();

        h.Receive(SipText.Options(extra: "Require: nothingSupportsThis, path"));

        var sent = h.TakeSingle();
        Assert.Equal(420, sent.StatusCode);
        Assert.Equal(["nothingSupportsThis"], sent.Headers("Unsupported"));
    }

    [Fact]
    public void Zeromf_max_forwards_zero_to_a_user_gets_483()
    {
        using var h = new SignalHarness();

        h.Receive(SignalHarness.Rfc4475("zeromf"));

        Assert.Equal(483, h.TakeSingle().StatusCode);
    }

    [Fact]
    public void Missing_call_id_gets_400()
    {
        using var h = new SignalHarness();
        string request = SipText.Options().Replace("Call-ID: options-1@192.0.2.10\r\n", "");

        h.Receive(request);

        var sent = h.TakeSingle();
        Assert.Equal(400, sent.StatusCode);
        Assert.Empty(sent.Headers("Call-ID"));
    }

    [Fact]
    public void Unksm2_register_with_a_non_sip_to_gets_400()
    {
        using var h = new SignalHarness(o => o.RequireAuthentication = false);

        h.Receive(SignalHarness.Rfc4475("unksm2"));

        Assert.Equal(400, h.TakeSingle().StatusCode);
        Assert.Empty(h.Store.Lookup("sip:watson@example.com"));
    }

    [Fact]
    public void Unsupported_sip_version_gets_505()
    {
        using var h = new SignalHarness();

        h.Receive(SipText.Options().Replace("OPTIONS sip:sip.example.com SIP/2.0", "OPTIONS sip:sip.example.com SIP/7.0"));

        Assert.Equal(505, h.TakeSingle().StatusCode);
    }

    [Fact]
    public void An_invalid_ack_is_dropped_not_answered()
    {
        using var h = new SignalHarness();
        string ack = SipText.Request("ACK", "sip:alice@example.com", "z9hG4bKack1", "ack-1@192.0.2.10").Replace("Call-ID: ack-1@192.0.2.10\r\n", "");

        h.Receive(ack);

        Assert.Empty(h.TakeSent());
        Assert.Equal(1, h.Metrics.Dropped);
    }

    [Fact]
    public void Garbage_is_dropped()
    {
        using var h = new SignalHarness();

        h.Receive("this is not SIP\r\n\r\n");

        Assert.Empty(h.TakeSent());
        Assert.Equal(1, h.Metrics.Dropped);
    }
}
