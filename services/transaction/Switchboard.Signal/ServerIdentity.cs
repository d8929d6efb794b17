using System.Net;

namespace Switchboard.Signal;

/// <summary>Whether a Request-URI host names this server: a configured name or address, or the local socket's address.</summary>
public sealed class ServerIdentity
{
    private readonly HashSet<string> _names;

    public ServerIdentity(SignalOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _names = new HashSet<string>(options.ServerNames.Select(Normalize), StringComparer.OrdinalIgnoreCase);
    }

    public bool IsSelf(string host, IPEndPoint? localEndPoint = null)
    {
        string name = Normalize(host);
        if (_names.Contains(name))
        {
            return true;
        }

        return localEndPoint is not null && IPAddress.TryParse(name, out IPAddress? address)
            && !address.Equals(IPAddress.Any) && !address.Equals(IPAddress.IPv6Any) && address.Equals(Unmap(localEndPoint.Address));
    }

    private static IPAddress Unmap(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;

    // "[::1]" and "host." name the same thing as "::1" and "host".
    private static string Normalize(string host)
    {
        string name = host.Length > 1 && host[0] == '[' && host[^1] == ']' ? host[1..^1] : host;
        return name.EndsWith('.') ? name[..^1] : name;
    }
}
