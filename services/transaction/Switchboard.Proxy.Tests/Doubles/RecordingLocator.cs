using System.Net;
using Switchboard.Contracts.Sip;
using Switchboard.Proxy.Transport;

namespace Switchboard.Proxy.Tests.Doubles;

/// <summary>RFC 3263 stand-in: names from a table, literals as they are; records every look-up.</summary>
internal sealed class RecordingLocator : INextHopLocator
{
    private readonly LiteralNextHopLocator _literal = new();

    public Dictionary<string, IPAddress> Names { get; } = new(StringComparer.OrdinalIgnoreCase);

    public List<NextHop> Lookups { get; } = [];

    /// <summary>Answer on another thread, like a DNS look-up would.</summary>
    public bool Asynchronous { get; set; }

    public async ValueTask<SendTarget?> LocateAsync(NextHop hop, CancellationToken cancellationToken)
    {
        lock (Lookups)
        {
            Lookups.Add(hop);
        }

        if (Asynchronous)
        {
            await Task.Yield();
        }

        if (Names.TryGetValue(hop.Host, out IPAddress? address))
        {
            hop = hop with { Host = address.ToString() };
        }

        return await _literal.LocateAsync(hop, cancellationToken);
    }
}
