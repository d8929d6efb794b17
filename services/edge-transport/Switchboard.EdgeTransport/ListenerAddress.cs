using System.Net;

namespace Switchboard.EdgeTransport;

/// <summary>Parses listener settings ("0.0.0.0:5060", "[::]:5060", "5060").</summary>
internal static class ListenerAddress
{
    public static IPEndPoint Parse(string text, int defaultPort)
    {
        if (int.TryParse(text, out var portOnly))
        {
            return new IPEndPoint(IPAddress.Any, portOnly);
        }
        if (IPEndPoint.TryParse(text, out var endPoint))
        {
            if (endPoint.Port == 0 && !text.EndsWith(":0", StringComparison.Ordinal))
            {
                endPoint.Port = defaultPort;
            }
            return endPoint;
        }
        throw new FormatException($"Bad listener address '{text}': use address:port, [v6]:port or a port.");
    }

    public static IReadOnlyList<IPEndPoint> Resolve(IReadOnlyList<string> configured, bool useDefaults, int defaultPort)
    {
        if (configured.Count > 0)
        {
            return configured.Select(a => Parse(a, defaultPort)).ToArray();
        }
        return useDefaults
            ? [new IPEndPoint(IPAddress.Any, defaultPort), new IPEndPoint(IPAddress.IPv6Any, defaultPort)]
            : [];
    }
}
