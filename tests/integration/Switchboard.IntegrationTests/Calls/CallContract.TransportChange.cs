using System.Text.RegularExpressions;
using Switchboard.IntegrationTests.Infrastructure;

namespace Switchboard.IntegrationTests.Calls;

/// <summary>
/// A call whose two sides use different transports (RFC 3261 §16.6 step 4, RFC 5658): the proxy record-routes twice,
/// one value per side with that side's transport, and an in-dialog BYE from either side crosses back over the other
/// side's transport. The TCP callee registers over UDP with a <c>transport=tcp</c> Contact (a registration over TCP
/// would leave a flow that closes with the registering SIPp), so the proxy opens the TCP connection to it.
/// </summary>
public abstract partial class CallContract<TDeployment>
{
    [Theory]
    [InlineData(true, false)]
    [InlineData(true, true)]
    [InlineData(false, false)]
    [InlineData(false, true)]
    public async Task A_call_between_tcp_and_udp_is_record_routed_once_per_side_and_either_side_hangs_up(bool callerOnTcp, bool calleeHangsUp)
    {
        var callee = $"{(callerOnTcp ? "tcpcaller" : "tcpcallee")}{(calleeHangsUp ? "bye" : "hold")}";
        await CreateAccountAsync(callee);
        var port = FreePorts.Next();
        await SippPeer.RegisterAsync(Deployment, callee, port, callerOnTcp ? "call_register.xml" : "call_register_tcp_contact.xml");
        var messages = Path.Combine(Deployment.DataDirectory, $"{callee}-{port}-messages.log");
        var answering = SippPeer.ServeAsync(Deployment, calleeHangsUp ? "call_uas_hangup.xml" : "call_uas_transport.xml", callee, port,
            messageLog: messages, tcp: !callerOnTcp);
        var caller = await SippPeer.CallAsync(Deployment, calleeHangsUp ? "call_uac_hangup_by_callee.xml" : "call_uac.xml", callee, tcp: callerOnTcp);
        SippPeer.AssertOneSuccessfulCall(caller, "caller");
        SippPeer.AssertOneSuccessfulCall(await answering, "callee");

        // Two Record-Route values, each naming the proxy with its side's transport; the top one faces the callee.
        var log = await File.ReadAllTextAsync(messages);
        var (calleeSide, callerSide) = callerOnTcp ? ("udp", "tcp") : ("tcp", "udp");
        var invite = Regex.Match(log, @"INVITE sip:.*?(\r?\n){2}", RegexOptions.Singleline).Value; // its header section
        var values = Regex.Matches(invite, @"(?im)^Record-Route:[ \t]*(.*?)\r?$")
            .SelectMany(m => m.Groups[1].Value.Split(',')).Select(v => v.Trim()).ToList();
        Assert.True(values.Count == 2, $"Record-Route of the INVITE: {string.Join(" | ", values)}\n{invite}");
        Assert.StartsWith($"<sip:127.0.0.1:{Deployment.SipPort};transport={calleeSide};lr", values[0]);
        Assert.StartsWith($"<sip:127.0.0.1:{Deployment.SipPort};transport={callerSide};lr", values[1]);
    }
}
