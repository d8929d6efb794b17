using System.Net;
using System.Net.Sockets;
using Switchboard.IntegrationTests.Infrastructure;

namespace Switchboard.IntegrationTests.Media;

/// <summary>Free even UDP ports for a phone's RTP (RTCP takes the odd one above), for SIPp's <c>-mp</c>.</summary>
internal static class EvenPorts
{
    /// <summary>
    /// An even port free for UDP on <paramref name="address"/>. Linux hands out odd ports to bind(0), so the even one
    /// below a free odd port is checked by binding it.
    /// </summary>
    public static int Next(string address = "127.0.0.1")
    {
        var ip = IPAddress.Parse(address);
        for (var i = 0; i < 50; i++)
        {
            var odd = FreePorts.Next();
            var even = odd % 2 == 0 ? odd : odd - 1;
            try
            {
                using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
                probe.Bind(new IPEndPoint(ip, even));
                return even;
            }
            catch (SocketException)
            {
            }
        }

        throw new InvalidOperationException("no even free port");
    }
}
