using System.Net;

namespace Switchboard.Locating;

/// <summary>Where RFC 3263 lookups go (section <c>Locating</c>).</summary>
public sealed class LocatingOptions
{
    public const string SectionName = "Locating";

    /// <summary>
    /// DNS servers to ask, as <c>address[:port]</c> (port 53 when absent), in order; empty: the system's resolvers.
    /// For a split-horizon or provider DNS that the host's resolver does not use.
    /// </summary>
    public List<string> NameServers { get; set; } = [];

    /// <summary>The configured servers as endpoints; throws with the bad entry named.</summary>
    public IPEndPoint[] NameServerEndPoints() =>
        [.. NameServers.Select(text => IPEndPoint.TryParse(text, out var endPoint)
            ? endPoint.Port == 0 ? new IPEndPoint(endPoint.Address, 53) : endPoint
            : throw new InvalidOperationException($"Locating:NameServers: '{text}' is not an address[:port]"))];
}
