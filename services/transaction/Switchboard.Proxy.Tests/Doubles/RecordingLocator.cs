using System.Net;
using Switchboard.Contracts.Sip;
using Switchboard.Proxy.Transport;

namespace Switchboard.Proxy.Tests.Doubles;

/// <summary>RFC 3263 stand-in: names from a table (one address, or several servers in order), literals as they are; records every look-up.</summary>
internal sealed class RecordingLocator : INextHopLocator
{
    public Dictionary<string, IPAddress> Names { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Names that resolve to several servers, in the order to try them (NAPTR/SRV/A).</summary>
    public Dictionary<string, SendTarget[]> Servers { get; } = new(StringComparer.OrdinalIgnoreCase);

    public List<NextHop> Lookups { get; } = [];

    /// <summary>Answer on another thread, like a DNS look-up would.</summary>
    public bool Asynchronous { get; set; }

    public async ValueTask<SendTarget?> LocateAsync(NextHop hop, CancellationToken cancellationToken)
    {
        IReadOnlyList<SendTarget> all = await LocateAllAsync(hop, cancellationToken);
        return all.Count == 0 ? null : all[0];
    }

    public async ValueTask<IReadOnlyList<SendTarget>> LocateAllAsync(NextHop hop, CancellationToken cancellationToken)
    {
        lock (Lookups)
        {
            Lookups.Add(hop);
        }

        if (Asynchronous)
        {
            await Task.Yield();
        }

        if (Servers.TryGetValue(hop.Host, out SendTarget[]? servers))
        {
            return servers;
        }

        if (Names.TryGetValue(hop.Host, out IPAddress? address))
        {
            hop = hop with { Host = address.ToString() };
        }

        return LiteralNextHopLocator.Locate(hop) is { } literal ? [literal] : [];
    }
}
