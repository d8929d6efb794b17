using System.Net;
using System.Net.Sockets;

namespace Switchboard.IntegrationTests.Infrastructure;

/// <summary>Ports free on 127.0.0.1 for both TCP and UDP (checked by binding), distinct within a test run.</summary>
internal static class FreePorts
{
    private static readonly object Gate = new();
    private static readonly HashSet<int> Handed = [];

    public static int Next()
    {
        lock (Gate)
        {
            for (var attempt = 0; attempt < 200; attempt++)
            {
                using var tcp = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                tcp.Bind(new IPEndPoint(IPAddress.Loopback, 0));
                var port = ((IPEndPoint)tcp.LocalEndPoint!).Port;
                if (Handed.Contains(port))
                {
                    continue;
                }
                using var udp = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
                try
                {
                    udp.Bind(new IPEndPoint(IPAddress.Loopback, port));
                }
                catch (SocketException)
                {
                    continue;
                }
                Handed.Add(port);
                return port;
            }
            throw new InvalidOperationException("No free port found.");
        }
    }
}
