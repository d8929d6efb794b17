using Switchboard.Contracts.Sip;
using Switchboard.GatewayRegistrar.Gateways;

namespace Switchboard.GatewayRegistrar.Tests.Gateways;

public sealed class GatewayAddressTests
{
    [Theory]
    [InlineData("sip.provider.test", "sip.provider.test", null, null, "sip:sip.provider.test")]
    [InlineData("Sip.Provider.Test:5080", "sip.provider.test", 5080, null, "sip:sip.provider.test:5080")]
    [InlineData("127.0.0.1:5090", "127.0.0.1", 5090, null, "sip:127.0.0.1:5090")]
    [InlineData("sip:10.0.0.1;transport=tcp", "10.0.0.1", null, SipTransport.Tcp, "sip:10.0.0.1;transport=tcp")]
    [InlineData("[2001:db8::1]:5062", "[2001:db8::1]", 5062, null, "sip:[2001:db8::1]:5062")]
    public void Parses_host_port_and_transport(string text, string host, int? port, SipTransport? transport, string registrarUri)
    {
        Assert.True(GatewayAddress.TryParse(text, out var address));
        Assert.Equal((host, port, transport), (address.Host, address.Port, address.Transport));
        Assert.Equal(registrarUri, address.RegistrarUri);
    }

    [Theory]
    [InlineData("")]
    [InlineData("host:0")]
    [InlineData("host:70000")]
    [InlineData("host:abc")]
    [InlineData("user@host")]
    [InlineData("host;transport=sctp")]
    [InlineData("two words")]
    public void Rejects_what_is_not_a_gateway_address(string text) => Assert.False(GatewayAddress.TryParse(text, out _));

    [Fact]
    public void A_numeric_host_needs_no_dns()
    {
        GatewayAddress.TryParse("[2001:db8::1]:5062", out var v6);
        GatewayAddress.TryParse("192.0.2.1", out var v4);
        GatewayAddress.TryParse("provider.test", out var name);

        Assert.NotNull(v6!.NumericHost);
        Assert.NotNull(v4!.NumericHost);
        Assert.Null(name!.NumericHost);
    }
}
