using Switchboard.Router.Routing;

namespace Switchboard.Router.Service.Admin;

/// <summary><c>/api/router/aliases</c>: other names of an account.</summary>
internal static class AliasEndpoints
{
    public static void MapAliasEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/aliases", (string? domain, IRoutingStore routing) =>
            string.IsNullOrWhiteSpace(domain) ? AdminResults.Missing("domain") : Results.Ok(routing.ListAliases(domain)));
        api.MapPost("/aliases", (AliasRequest body, IRoutingStore routing) =>
        {
            if (string.IsNullOrWhiteSpace(body.Name) || string.IsNullOrWhiteSpace(body.Domain) || string.IsNullOrWhiteSpace(body.Account))
                return AdminResults.Missing("name, domain and account");
            var alias = new Alias(body.Name.Trim(), body.Domain.Trim().ToLowerInvariant(), body.Account.Trim());
            return AdminResults.From(routing.AddAlias(alias), "alias or its account",
                () => Results.Created($"/api/router/aliases/{alias.Domain}/{alias.Name}", alias));
        });
        api.MapDelete("/aliases/{domain}/{name}", (string domain, string name, IRoutingStore routing) =>
            AdminResults.From(routing.RemoveAlias(name, domain), "alias", Results.NoContent));
    }
}
