namespace Switchboard.Router.Resolution;

public sealed class ResolverOptions
{
    /// <summary>Domain given to addresses without one (e.g. "9123"); empty = such addresses are not found.</summary>
    public string MainDomain { get; set; } = "";

    /// <summary>Most rewrites (router record, alias, forwarder) in one resolution before 483.</summary>
    public int MaxChainLength { get; set; } = 10;

    /// <summary>Cached results kept by <see cref="CachingAddressResolver"/> before it starts over.</summary>
    public int MaxCacheEntries { get; set; } = 100_000;
}
