using Switchboard.Contracts.Gateway;
using Switchboard.GatewayRegistrar.Gateways;
using Switchboard.GatewayRegistrar.Registration;
using Switchboard.GatewayRegistrar.Status;
using Switchboard.GatewayRegistrar.Storage;

namespace Switchboard.GatewayRegistrar.Service.Admin;

/// <summary><c>/api/gateways</c>: list, show, add, change, remove, and the registration status of one gateway.</summary>
internal static class GatewayEndpoints
{
    private const int DefaultRegisterEvery = 3600;

    public static void MapGatewayEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/", async (IGatewayStore store, CancellationToken ct) =>
            Results.Ok((await store.ListAsync(ct)).Select(GatewayView.From)));
        api.MapGet("/{name}", async (string name, IGatewayStore store, CancellationToken ct) =>
            await store.FindAsync(name, ct) is { } found ? Results.Ok(GatewayView.From(found)) : NotFound());
        api.MapGet("/{name}/status", async (string name, IGatewayStore store, IGatewayStatus status, CancellationToken ct) =>
            await store.FindAsync(name, ct) is null ? NotFound()
                : Results.Ok(GatewayStatusView.From(status.Get(name) ?? new GatewayStatus(name, GatewayRegistrationState.Unregistered, 0, null, null, null, null, null))));
        api.MapPost("/", AddAsync);
        api.MapPut("/{name}", UpdateAsync);
        api.MapDelete("/{name}", async (string name, IGatewayStore store, GatewayRegistrarSupervisor supervisor, CancellationToken ct) =>
            Outcome(await store.RemoveAsync(name, ct), null, supervisor, Results.NoContent));
    }

    private static async Task<IResult> AddAsync(GatewayRequest body, IGatewayStore store, GatewayRegistrarSupervisor supervisor, CancellationToken ct)
    {
        if (body.Password is null)
        {
            return Problem(StatusCodes.Status400BadRequest, "'password' is required");
        }

        var settings = ToSettings(body, body.Name, body.Password);
        return Outcome(await store.AddAsync(settings, ct), settings, supervisor,
            () => Results.Created($"/api/gateways/{settings.Name}", GatewayView.From(settings)));
    }

    private static async Task<IResult> UpdateAsync(string name, GatewayRequest body, IGatewayStore store, GatewayRegistrarSupervisor supervisor, CancellationToken ct)
    {
        if (body.Name is { } renamed && !renamed.Equals(name, StringComparison.OrdinalIgnoreCase))
        {
            return Problem(StatusCodes.Status400BadRequest, "a gateway cannot be renamed; delete and add it");
        }

        var existing = await store.FindAsync(name, ct);
        if (existing is null)
        {
            return NotFound();
        }

        var settings = ToSettings(body, existing.Name, body.Password ?? existing.Password);
        return Outcome(await store.UpdateAsync(settings, ct), settings, supervisor, () => Results.Ok(GatewayView.From(settings)));
    }

    private static GatewaySettings ToSettings(GatewayRequest body, string? name, string password) => new(
        name?.Trim() ?? "", body.Domain?.Trim() ?? "", body.Username?.Trim() ?? "", password,
        string.IsNullOrWhiteSpace(body.Contact) ? null : body.Contact.Trim(), body.RegisterEvery ?? DefaultRegisterEvery, body.Enabled ?? true);

    /// <summary>Maps the store's result to HTTP and lets the supervisor apply a change at once.</summary>
    private static IResult Outcome(GatewayChangeResult result, GatewaySettings? settings, GatewayRegistrarSupervisor supervisor, Func<IResult> done)
    {
        switch (result)
        {
            case GatewayChangeResult.Done:
                supervisor.Wake();
                return done();
            case GatewayChangeResult.NotFound:
                return NotFound();
            case GatewayChangeResult.AlreadyExists:
                return Problem(StatusCodes.Status409Conflict, "gateway already exists");
            default:
                return Problem(StatusCodes.Status400BadRequest, settings is null ? "invalid gateway" : GatewayValidation.Problem(settings) ?? "invalid gateway");
        }
    }

    private static IResult NotFound() => Problem(StatusCodes.Status404NotFound, "gateway not found");

    private static IResult Problem(int status, string title) => Results.Problem(title: title, statusCode: status);
}
