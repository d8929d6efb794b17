using System.Globalization;
using Switchboard.Contracts.Registrar;

namespace Switchboard.Registrar.Service.Admin;

/// <summary><c>GET/DELETE /api/registrar/bindings?aor=sip:user@domain</c>.</summary>
internal static class BindingEndpoints
{
    // The admin's removal is a REGISTER with Contact: * and Expires: 0 (RFC 3261 §10.2.2) under its own Call-ID,
    // so the registrar applies its usual rules and raises the usual ContactRemoved events.
    private static readonly RegistrationFlow AdminFlow = new("admin-api", "TCP", "127.0.0.1", 0, "127.0.0.1", 0);

    public static void MapBindingEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/bindings", async (string? aor, IRegistrarService registrar, CancellationToken cancellationToken) =>
        {
            if (string.IsNullOrWhiteSpace(aor))
                return Results.Problem(title: "'aor' is required", statusCode: StatusCodes.Status400BadRequest);
            var bindings = await registrar.LookupAsync(aor.Trim(), cancellationToken);
            return Results.Ok(bindings.Select(ToView).ToList());
        });
        api.MapDelete("/bindings", async (string? aor, IRegistrarService registrar, CancellationToken cancellationToken) =>
        {
            if (string.IsNullOrWhiteSpace(aor))
                return Results.Problem(title: "'aor' is required", statusCode: StatusCodes.Status400BadRequest);
            var before = await registrar.LookupAsync(aor.Trim(), cancellationToken);
            var request = new RegisterRequest(aor.Trim(), $"admin-{Guid.NewGuid():N}", 1, 0, [RegisterContact.Wildcard], [], [], AdminFlow);
            var result = await registrar.RegisterAsync(request, cancellationToken);
            return result.IsSuccess
                ? Results.Ok(new BindingsRemoved(aor.Trim(), before.Count))
                : Results.Problem(title: $"{result.StatusCode} {result.ReasonPhrase}", statusCode: StatusCodes.Status400BadRequest);
        });
    }

    private static BindingView ToView(ContactBinding b) => new(
        b.Aor,
        b.ContactUri,
        b.ExpiresSeconds,
        (b.QThousandths / 1000m).ToString("0.###", CultureInfo.InvariantCulture),
        b.InstanceId,
        b.RegId,
        b.Path,
        b.Flow.EdgeId,
        $"{b.Flow.Transport.ToLowerInvariant()} {b.Flow.RemoteAddress}:{b.Flow.RemotePort} -> {b.Flow.LocalAddress}:{b.Flow.LocalPort}");
}
