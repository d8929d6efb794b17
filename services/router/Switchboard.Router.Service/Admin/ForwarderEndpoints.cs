using Switchboard.Router.Routing;

namespace Switchboard.Router.Service.Admin;

/// <summary><c>/api/router/forwarders</c>: names that send their calls elsewhere (POST creates or replaces).</summary>
internal static class ForwarderEndpoints
{
    public static void MapForwarderEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/forwarders", (string? domain, IRoutingStore routing) =>
            string.IsNullOrWhiteSpace(domain) ? AdminResults.Missing("domain") : Results.Ok(routing.ListForwarders(domain)));
        api.MapPost("/forwarders", (ForwarderRequest body, IRoutingStore routing) =>
        {
            if (string.IsNullOrWhiteSpace(body.Name) || string.IsNullOrWhiteSpace(body.Domain) || string.IsNullOrWhiteSpace(body.Target))
                return AdminResults.Missing("name, domain and target");
            var forwarder = new Forwarder(body.Name.Trim(), body.Domain.Trim().ToLowerInvariant(), body.Target.Trim());
            return AdminResults.From(routing.SetForwarder(forwarder), "forwarder", () => Results.Ok(forwarder));
        });
        api.MapDelete("/forwarders/{domain}/{name}", (string domain, string name, IRoutingStore routing) =>
            AdminResults.From(routing.RemoveForwarder(name, domain), "forwarder", Results.NoContent));
    }
}
