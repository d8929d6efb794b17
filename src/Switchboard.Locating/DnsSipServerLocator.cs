using System.Net;
using DnsClient;
using DnsClient.Protocol;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

using Switchboard.Contracts.Sip;

namespace Switchboard.Locating;

/// <summary>
/// RFC 3263 §4 with DnsClient. Numeric host → itself; explicit port → A/AAAA; transport parameter → SRV of
/// that transport; otherwise NAPTR → SRV → A/AAAA, then SRV for each transport, then A/AAAA on the
/// default port. A failed DNS query counts as "no records" and the next step is tried.
/// </summary>
public sealed class DnsSipServerLocator(IDnsQuery dns, Random? random = null, ILogger<DnsSipServerLocator>? logger = null)
    : ISipServerLocator
{
    private readonly Random _random = random ?? Random.Shared;
    private readonly ILogger _logger = logger ?? NullLogger<DnsSipServerLocator>.Instance;

    public async Task<IReadOnlyList<SipServerTarget>> LocateAsync(SipUriTarget target, CancellationToken cancellationToken = default)
    {
        var defaultTransport = target.Transport ?? (target.Secure ? SipTransport.Tls : SipTransport.Udp);
        if (target.NumericHost is { } ip)
            return [new SipServerTarget(defaultTransport, ip, target.Port ?? NaptrServices.DefaultPort(defaultTransport))];
        if (target.Port is { } port)
            return await AddressTargetsAsync(target.Host, defaultTransport, port, [], cancellationToken);
        if (target.Transport is { } transport)
            return await SrvThenAddressAsync(target.Host, [transport], defaultTransport, cancellationToken);
        var viaNaptr = await NaptrTargetsAsync(target, cancellationToken);
        if (viaNaptr.Count > 0)
            return viaNaptr;
        return await SrvThenAddressAsync(target.Host, NaptrServices.Fallback(target.Secure), defaultTransport, cancellationToken);
    }

    private async Task<List<SipServerTarget>> NaptrTargetsAsync(SipUriTarget target, CancellationToken cancellationToken)
    {
        var response = await QueryAsync(target.Host, QueryType.NAPTR, cancellationToken);
        var records = response?.Answers.NAPtrRecords()
            .Where(r => r.Flags.Equals("s", StringComparison.OrdinalIgnoreCase))
            .OrderBy(r => r.Order).ThenBy(r => r.Preference)
            .ToList() ?? [];
        var targets = new List<SipServerTarget>();
        foreach (var record in records)
        {
            if (NaptrServices.TryGetTransport(record.Services, target.Secure, out var transport))
                targets.AddRange(await SrvTargetsAsync(record.Replacement.Value, transport, cancellationToken));
        }
        return Distinct(targets);
    }

    private async Task<List<SipServerTarget>> SrvThenAddressAsync(
        string host, SipTransport[] transports, SipTransport defaultTransport, CancellationToken cancellationToken)
    {
        var targets = new List<SipServerTarget>();
        foreach (var transport in transports)
            targets.AddRange(await SrvTargetsAsync(NaptrServices.SrvPrefix(transport) + host, transport, cancellationToken));
        if (targets.Count > 0)
            return Distinct(targets);
        return await AddressTargetsAsync(host, defaultTransport, NaptrServices.DefaultPort(defaultTransport), [], cancellationToken);
    }

    private async Task<List<SipServerTarget>> SrvTargetsAsync(string name, SipTransport transport, CancellationToken cancellationToken)
    {
        var response = await QueryAsync(name, QueryType.SRV, cancellationToken);
        if (response is null)
            return [];
        var targets = new List<SipServerTarget>();
        foreach (var srv in SrvOrdering.Order(response.Answers.SrvRecords(), _random))
            targets.AddRange(await AddressTargetsAsync(srv.Target.Value, transport, srv.Port, response.Additionals, cancellationToken));
        return targets;
    }

    /// <summary>A then AAAA records of a host; glue from the SRV answer's additional section saves a query.</summary>
    private async Task<List<SipServerTarget>> AddressTargetsAsync(
        string host, SipTransport transport, int port, IReadOnlyCollection<DnsResourceRecord> additionals, CancellationToken cancellationToken)
    {
        var name = host.TrimEnd('.') + ".";
        var addresses = Addresses(additionals.Where(r => r.DomainName.Value.Equals(name, StringComparison.OrdinalIgnoreCase)));
        if (addresses.Count == 0)
        {
            foreach (var type in (QueryType[])[QueryType.A, QueryType.AAAA])
            {
                var response = await QueryAsync(host, type, cancellationToken);
                if (response is not null)
                    addresses.AddRange(Addresses(response.Answers));
            }
        }
        return [.. addresses.Select(ip => new SipServerTarget(transport, ip, port))];
    }

    private static List<IPAddress> Addresses(IEnumerable<DnsResourceRecord> records) =>
    [
        .. records.OfType<ARecord>().Select(r => r.Address),
        .. records.OfType<AaaaRecord>().Select(r => r.Address),
    ];

    private async Task<IDnsQueryResponse?> QueryAsync(string name, QueryType type, CancellationToken cancellationToken)
    {
        try
        {
            var response = await dns.QueryAsync(name, type, QueryClass.IN, cancellationToken);
            return response.HasError ? null : response;
        }
        catch (DnsResponseException exception)
        {
            _logger.LogDebug(exception, "DNS {Type} query for {Name} failed", type, name);
            return null;
        }
    }

    private static List<SipServerTarget> Distinct(List<SipServerTarget> targets) => [.. targets.Distinct()];
}
