using Switchboard.Signal.Tests.Doubles;
using Switchboard.Signal.Tests.Messages;
using Switchboard.Sip;

namespace Switchboard.Signal.Tests;

public sealed class OptionsTests
{
    [Fact]
    public void Options_to_the_server_gets_200_with_its_capabilities()
    {
        using var h = new SignalHarness();

        h.Receive(SipText.Options());

        var sent = h.TakeSingle();
        Assert.Equal(200, sent.StatusCode);
        Assert.Equal(["OPTIONS, REGISTER, ACK, CANCEL"], OrderInsensitive(sent.Headers("Allow")));
        Assert.Equal(["application/sdp"], sent.Headers("Accept"));
        Assert.Equal(["path, outbound"], sent.Headers("Supported"));
        Assert.StartsWith("Switchboard/", Assert.Single(sent.Headers("Server")));
        Assert.Contains(";tag=", Assert.Single(sent.Headers("To")));
        Assert.Equal(1, h.Metrics.Requests("OPTIONS"));
    }

    [Theory]
    [InlineData("sip:example.com")]          // a local domain
    [InlineData("sip:10.0.0.1:5060")]        // our address
    [InlineData("sip:anyone@sip.example.com")] // a user at our name: no proxy yet, so we answer
    public void Options_to_our_names_and_domains_is_answered_by_us(string uri)
    {
        using var h = new SignalHarness();

        h.Receive(SipText.Options(uri));

        Assert.Equal(200, h.TakeSingle().StatusCode);
    }

    [Fact]
    public void Options_for_a_foreign_domain_is_not_ours_and_gets_501_until_the_proxy_exists()
    {
        using var h = new SignalHarness();

        h.Receive(SipText.Options("sip:carol@elsewhere.example.org"));

        Assert.Equal(501, h.TakeSingle().StatusCode);
    }

    [Fact]
    public void Retransmitted_options_gets_the_same_200_resent_without_a_second_handler_call()
    {
        var recorder = new RecordingHandler(SipMethod.Options, passThrough: true);
        using var h = new SignalHarness(firstHandlers: recorder);

        h.Receive(SipText.Options(Ping));
        var first = h.TakeSingle();
        h.Receive(SipText.Options(Ping));
        var resent = h.TakeSingle();

        Assert.Single(recorder.Seen);
        Assert.Equal(first.Bytes, resent.Bytes);
        Assert.Equal(1, h.Metrics.Requests("OPTIONS"));
    }

    [Fact]
    public void A_keepalive_ping_to_the_server_itself_is_answered_without_a_transaction()
    {
        var recorder = new RecordingHandler(SipMethod.Options, passThrough: true);
        using var h = new SignalHarness(firstHandlers: recorder);

        h.Receive(SipText.Options("sip:sip.example.com"));
        h.Receive(SipText.Options("sip:sip.example.com"));

        var sent = h.TakeSent();
        Assert.Equal(2, sent.Count);
        Assert.All(sent, s => Assert.Equal(200, s.StatusCode));
        Assert.Equal(["OPTIONS, REGISTER, ACK, CANCEL"], OrderInsensitive(sent[0].Headers("Allow")));
        Assert.Empty(recorder.Seen);
        Assert.Equal(0, h.Core.Server.Table.Count);
    }

    /// <summary>A user part: the request goes through a server transaction and the handler chain.</summary>
    private const string Ping = "sip:ping@sip.example.com";

    [Fact]
    public void Allow_lists_every_handled_method()
    {
        Assert.Equal("INVITE, ACK, OPTIONS", Handlers.OptionsHandler.FormatMethods(SipMethod.Options | SipMethod.Invite | SipMethod.Ack));
    }

    private static string[] OrderInsensitive(IReadOnlyList<string> allow) =>
        [string.Join(", ", Assert.Single(allow).Split(", ").OrderBy(Rank))];

    private static int Rank(string method) => Array.IndexOf(["OPTIONS", "REGISTER", "ACK", "CANCEL"], method) is var i and >= 0 ? i : 99;
}
