using Microsoft.Extensions.Options;

namespace Switchboard.Router.Resolution;

/// <summary>Refuses resolver options that cannot work; a run-time setting that fails here is not applied.</summary>
public sealed class ResolverOptionsValidator : IValidateOptions<ResolverOptions>
{
    public ValidateOptionsResult Validate(string? name, ResolverOptions options)
    {
        var failures = new List<string>();
        if (options.MainDomain is null || options.MainDomain.Length > 253
            || !options.MainDomain.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-'))
            failures.Add("Router:Resolver:MainDomain must be empty or a domain name");
        if (options.MaxChainLength < 1)
            failures.Add("Router:Resolver:MaxChainLength must be 1 or more");
        if (options.ServerPorts is null || options.ServerPorts.Any(p => p is < 1 or > 65535))
            failures.Add("Router:Resolver:ServerPorts must be ports (1-65535)");
        if (options.MaxCacheEntries < 1)
            failures.Add("Router:Resolver:MaxCacheEntries must be 1 or more");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
