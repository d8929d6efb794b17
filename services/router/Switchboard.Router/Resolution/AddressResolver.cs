using Microsoft.Extensions.Options;
using Switchboard.Router.Accounts;
using Switchboard.Router.Addressing;
using Switchboard.Router.Routing;

namespace Switchboard.Router.Resolution;

/// <summary>
/// Resolves an address step by step: Router records first (in table order), then, in a local domain,
/// account → alias → forwarder. Rewritten addresses go round again, so chains work; a repeated address
/// is a loop (482) and a chain longer than <see cref="ResolverOptions.MaxChainLength"/> is refused (483).
/// An address of a local domain with an explicit port that is not ours (<see cref="ResolverOptions.ServerPorts"/>)
/// is another server at that address, so it resolves as remote. Reads the stores on every call; wrap it in
/// <see cref="CachingAddressResolver"/>. Given an <see cref="IOptionsMonitor{TOptions}"/>, options changed at run
/// time apply from the next call (the field is swapped on change, so a lookup pays nothing for it).
/// </summary>
public sealed class AddressResolver : IAddressResolver, IDisposable
{
    private readonly IDomainStore _domains;
    private readonly IAccountStore _accounts;
    private readonly IRoutingStore _routing;
    private readonly IDisposable? _onChange;
    private volatile ResolverOptions _options;

    /// <summary>Options fixed for the life of the resolver.</summary>
    public AddressResolver(IDomainStore domains, IAccountStore accounts, IRoutingStore routing, IOptions<ResolverOptions> options)
    {
        _domains = domains;
        _accounts = accounts;
        _routing = routing;
        _options = options.Value;
    }

    /// <summary>Options re-read when the configuration changes (run-time settings).</summary>
    public AddressResolver(IDomainStore domains, IAccountStore accounts, IRoutingStore routing, IOptionsMonitor<ResolverOptions> options)
        : this(domains, accounts, routing, Options.Create(options.CurrentValue))
    {
        _onChange = options.OnChange(changed => _options = changed);
    }

    public void Dispose() => _onChange?.Dispose();

    public AddressResolution Resolve(string address, RouterTraffic traffic = RouterTraffic.RealTime)
    {
        if (!SipAddress.TryParse(address, out var current))
            return new AddressResolution.Rejection(400, $"Invalid address '{address}'");
        var uri = UriText.From(address);
        var table = _routing.GetRouterTable();
        var visited = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var hops = 0; ; hops++)
        {
            if (!current.HasDomain && _options.MainDomain.Length > 0)
                current = current with { Domain = AccountNames.NormalizeDomain(_options.MainDomain) };
            if (!visited.Add(current.ToString()))
                return Rejections.Create(482, $"Loop Detected at {current}");
            if (hops > _options.MaxChainLength)
                return Rejections.Create(483, $"Too Many Hops (more than {_options.MaxChainLength} rewrites)");
            var step = Step(current, uri, table, traffic);
            if (step.Final is { } final)
                return final;
            (current, uri) = (step.Next, step.NextUri);
        }
    }

    private ResolutionStep Step(SipAddress current, string uri, RouterTable table, RouterTraffic traffic)
    {
        foreach (var record in table.Records)
        {
            if (record.TryRewrite(current, traffic, _domains.IsLocal, out var target))
                return TargetInterpreter.Interpret(target, current);
        }
        if (!current.HasDomain)
            return ResolutionStep.Done(Rejections.Create(404, ""));
        if (!_domains.IsLocal(current.Domain) || IsOtherServer(uri))
            return ResolutionStep.Done(new AddressResolution.Remote(uri));
        if (_accounts.FindAccount(current.User, current.Domain) is { } account)
            return ResolutionStep.Done(new AddressResolution.LocalAccount(new SipAddress(account.User, account.Domain)));
        if (_routing.FindAlias(current.User, current.Domain) is { } alias)
        {
            var next = new SipAddress(alias.Account, alias.Domain);
            return ResolutionStep.Continue(next, UriText.From(next.ToString()));
        }
        if (_routing.FindForwarder(current.User, current.Domain) is { } forwarder)
            return TargetInterpreter.Interpret(forwarder.Target, current);
        return ResolutionStep.Done(Rejections.Create(404, ""));
    }

    /// <summary>A local domain with a port that is not one of ours names another server at that address.</summary>
    private bool IsOtherServer(string uri) =>
        UriText.ExplicitPort(uri) is { } port && Array.IndexOf(_options.ServerPorts, port) < 0;
}
