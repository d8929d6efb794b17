namespace Switchboard.Router.Resolution;

public sealed class ResolverOptions
{
    /// <summary>Domain given to addresses without one (e.g. "9123"); empty = such addresses are not found.</summary>
    public string MainDomain { get; set; } = "";

    /// <summary>
    /// Ports that mean "this server" in an address of a local domain (like Kamailio's <c>myself</c>, which checks host
    /// and port). An address of a local domain with another explicit port (a router record target such as
    /// <c>*@127.0.0.1:5070</c>) is not a local account but that address: it resolves as remote. No port: local.
    /// An array, so configuration replaces the defaults instead of adding to them.
    /// </summary>
    public int[] ServerPorts { get; set; } = [5060, 5061];

    /// <summary>Most rewrites (router record, alias, forwarder) in one resolution before 483.</summary>
    public int MaxChainLength { get; set; } = 10;

    /// <summary>Cached results kept by <see cref="CachingAddressResolver"/> before it starts over.</summary>
    public int MaxCacheEntries { get; set; } = 100_000;
}
