using Switchboard.Contracts.Logging;

namespace Switchboard.AdminGateway.SystemLog;

public static class SystemLogEndpoints
{
    public const string LogPath = "/api/log";
    public const int DefaultLast = 200;

    /// <summary><c>GET /api/log?last=200&amp;tag=SIPS&amp;level=Problems&amp;service=router</c>: the newest records, oldest first.</summary>
    public static IEndpointRouteBuilder MapSystemLogEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet(LogPath, (SystemLogRing ring, int? last, string? tag, string? level, string? service) =>
        {
            var count = last ?? DefaultLast;
            if (count < 1 || count > ring.Capacity)
            {
                return Results.Problem($"last must be between 1 and {ring.Capacity}", statusCode: StatusCodes.Status400BadRequest);
            }

            SystemLogLevel? minimum = null;
            if (!string.IsNullOrEmpty(level))
            {
                if (!SystemLogLevelNames.TryParse(level, out var parsed))
                {
                    return Results.Problem($"level must be one of {string.Join(", ", SystemLogLevelNames.All)}", statusCode: StatusCodes.Status400BadRequest);
                }

                minimum = parsed;
            }

            var records = ring.Query(count, NullIfEmpty(tag), minimum, NullIfEmpty(service));
            return Results.Ok(records.Select(LogRecordView.From));
        });
        return app;
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
