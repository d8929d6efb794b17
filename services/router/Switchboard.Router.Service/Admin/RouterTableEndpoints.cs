using Switchboard.Router.Routing;

namespace Switchboard.Router.Service.Admin;

/// <summary><c>/api/router/table</c>: the Router records as text (GET), replaced as a whole (PUT, all or nothing).</summary>
internal static class RouterTableEndpoints
{
    public static void MapRouterTableEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/table", (IRoutingStore routing) => Results.Text(routing.GetRouterTable().Text, "text/plain"));
        api.MapPut("/table", async (HttpRequest request, IRoutingStore routing, CancellationToken cancellationToken) =>
        {
            var text = await AdminResults.ReadTextAsync(request, cancellationToken);
            var result = routing.SetRouterTable(text);
            return result.Succeeded
                ? Results.NoContent()
                : Results.BadRequest(new LineErrors("Router table rejected; the old table stays",
                    [.. result.Errors.Select(e => new LineError(e.Line, e.Message))]));
        }).Accepts<string>("text/plain");
    }
}
