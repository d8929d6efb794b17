using Switchboard.Router.Accounts;

namespace Switchboard.Router.Service.Admin;

/// <summary><c>/api/router/domains</c>: list, show, add, remove (with its accounts, aliases and forwarders).</summary>
internal static class DomainEndpoints
{
    public static void MapDomainEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/domains", (IDomainStore domains) => Results.Ok(domains.ListDomains()));
        api.MapGet("/domains/{name}", (string name, IDomainStore domains) =>
            domains.IsLocal(name) ? Results.Ok(new DomainRequest(name.ToLowerInvariant())) : AdminResults.Problem(404, "domain not found"));
        api.MapPost("/domains", (DomainRequest body, IDomainStore domains) =>
            string.IsNullOrWhiteSpace(body.Name)
                ? AdminResults.Missing("name")
                : AdminResults.From(domains.AddDomain(body.Name), "domain",
                    () => Results.Created($"/api/router/domains/{body.Name.Trim().ToLowerInvariant()}", body)));
        api.MapDelete("/domains/{name}", (string name, IDomainStore domains) =>
            AdminResults.From(domains.RemoveDomain(name), "domain", Results.NoContent));
    }
}
