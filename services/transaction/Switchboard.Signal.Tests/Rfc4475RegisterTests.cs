namespace Switchboard.Signal.Tests;

/// <summary>RFC 4475 REGISTER messages against a registrar that does not authenticate (its §3.1.2.x notes).</summary>
public sealed class Rfc4475RegisterTests
{
    private const string Aor = "sip:watson@example.com";

    [Fact]
    public async Task Cparam01_unknown_param_of_an_addr_spec_contact_is_a_contact_param()
    {
        using var h = new SignalHarness(o => o.RequireAuthentication = false);

        h.Receive(SignalHarness.Rfc4475("cparam01"));

        var sent = h.TakeSingle();
        Assert.Equal(200, sent.StatusCode);
        var binding = Assert.Single(await h.Registrar.LookupAsync(Aor));
        Assert.Equal("sip:+19725552222@gw1.example.net", binding.ContactUri);
        Assert.Equal(["<sip:+19725552222@gw1.example.net>;expires=3600;unknownparam"], sent.Headers("Contact"));
    }

    [Fact]
    public async Task Cparam02_unknown_param_inside_angle_brackets_is_a_uri_param()
    {
        using var h = new SignalHarness(o => o.RequireAuthentication = false);

        h.Receive(SignalHarness.Rfc4475("cparam02"));

        var sent = h.TakeSingle();
        Assert.Equal(200, sent.StatusCode);
        var binding = Assert.Single(await h.Registrar.LookupAsync(Aor));
        Assert.Equal("sip:+19725552222@gw1.example.net;unknownparam", binding.ContactUri);
        Assert.Equal(["<sip:+19725552222@gw1.example.net;unknownparam>;expires=3600"], sent.Headers("Contact"));
    }

    [Fact]
    public async Task Regescrt_contact_keeps_its_escaped_route_header()
    {
        using var h = new SignalHarness(o => o.RequireAuthentication = false);

        h.Receive(SignalHarness.Rfc4475("regescrt"));

        Assert.Equal(200, h.TakeSingle().StatusCode);
        var binding = Assert.Single(await h.Registrar.LookupAsync("sip:user@example.com"));
        Assert.Equal("sip:user@example.com?Route=%3Csip:sip.example.com%3E", binding.ContactUri);
        Assert.Equal("UDP", binding.Flow.Transport);
        Assert.Equal("192.0.2.10", binding.Flow.RemoteAddress);
        Assert.True(binding.ExpiresSeconds is > 3590 and <= 3600);
    }

    [Fact]
    public async Task Register_flow_path_and_q_reach_the_registrar()
    {
        using var h = new SignalHarness(o => o.RequireAuthentication = false);

        h.Receive(Messages.SipText.Register(
            contact: "<sip:alice@192.168.1.20:5060;transport=tcp>;q=0.5;+sip.instance=\"<urn:uuid:00000000-0000-0000-0000-000000000001>\";reg-id=1",
            extra: ["Path: <sip:edge.example.com;lr>", "Supported: path, outbound"]),
            SignalHarness.Flow(Contracts.Sip.SipTransport.Tcp, connection: 77));

        var sent = h.TakeSingle();
        Assert.Equal(200, sent.StatusCode);
        Assert.Equal(["<sip:edge.example.com;lr>"], sent.Headers("Path"));
        var binding = Assert.Single(await h.Registrar.LookupAsync("sip:alice@example.com"));
        Assert.Equal(500, binding.QThousandths);
        Assert.Equal(1, binding.RegId);
        Assert.Equal(["<sip:edge.example.com;lr>"], binding.Path);
        Assert.Equal("77", binding.Flow.ConnectionId);
        Assert.Equal("edge-1", binding.Flow.EdgeId);
    }

    [Fact]
    public async Task Wildcard_with_expires_zero_removes_every_binding()
    {
        using var h = new SignalHarness(o => o.RequireAuthentication = false);
        h.Receive(SignalHarness.Rfc4475("cparam02"));
        Assert.Equal(200, h.TakeSingle().StatusCode);

        h.Receive(Messages.SipText.Lines(
            "REGISTER sip:example.com SIP/2.0",
            "Via: SIP/2.0/UDP saturn.example.com:5060;branch=z9hG4bKstar",
            "Max-Forwards: 70",
            "From: sip:watson@example.com;tag=838293",
            "To: sip:watson@example.com",
            "Call-ID: cparam02.70710@saturn.example.com",
            "CSeq: 4 REGISTER",
            "Contact: *",
            "Expires: 0",
            "Content-Length: 0"));

        Assert.Equal(200, h.TakeSingle().StatusCode);
        Assert.Empty(await h.Registrar.LookupAsync(Aor));
    }

    [Fact]
    public void Regaut01_unknown_auth_scheme_is_challenged_by_an_authenticating_registrar()
    {
        using var h = new SignalHarness();

        h.Receive(SignalHarness.Rfc4475("regaut01"), SignalHarness.Flow(Contracts.Sip.SipTransport.Tcp, connection: 5));

        var sent = h.TakeSingle();
        Assert.Equal(401, sent.StatusCode);
        Assert.Equal(2, sent.Headers("WWW-Authenticate").Count);
    }

    [Fact]
    public void Regaut01_is_processed_by_a_registrar_that_does_not_authenticate()
    {
        using var h = new SignalHarness(o => o.RequireAuthentication = false);

        h.Receive(SignalHarness.Rfc4475("regaut01"), SignalHarness.Flow(Contracts.Sip.SipTransport.Tcp, connection: 5));

        var sent = h.TakeSingle();
        Assert.Equal(200, sent.StatusCode);
        Assert.Empty(sent.Headers("Contact")); // a query: nothing bound for j.user
    }
}
