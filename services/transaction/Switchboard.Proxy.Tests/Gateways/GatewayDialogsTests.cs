using System.Text;
using Microsoft.Extensions.Time.Testing;
using Switchboard.Proxy.Gateways;

namespace Switchboard.Proxy.Tests.Gateways;

public class GatewayDialogsTests
{
    private static byte[] Message(string callIdLine) =>
        Encoding.ASCII.GetBytes($"BYE sip:bob@198.51.100.9 SIP/2.0\r\nVia: SIP/2.0/UDP 192.0.2.1;branch=z9hG4bK1\r\n{callIdLine}\r\nCSeq: 2 BYE\r\n\r\n");

    [Fact]
    public void Only_messages_of_a_shifted_dialog_need_the_full_parse()
    {
        var dialogs = new GatewayDialogs(new FakeTimeProvider());
        Assert.False(dialogs.MayHold(Message("Call-ID: abc@host")));

        dialogs.SetOffset("abc@host", "tag1", 1);
        dialogs.SetOffset("abc@host", "tag2", 1); // a second fork of the same call

        Assert.True(dialogs.MayHold(Message("Call-ID: abc@host")));
        Assert.True(dialogs.MayHold(Message("i:abc@host")));
        Assert.False(dialogs.MayHold(Message("Call-ID: other@host")));
        Assert.False(dialogs.MayHold(Message("From: <sip:x@y>;tag=abc@host")));

        dialogs.Forget("abc@host", "tag1");
        Assert.True(dialogs.MayHold(Message("Call-ID: abc@host")));
        dialogs.Forget("abc@host", "tag2");
        Assert.False(dialogs.MayHold(Message("Call-ID: abc@host")));
    }
}
