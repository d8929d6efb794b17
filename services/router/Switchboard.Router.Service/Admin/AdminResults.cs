using Switchboard.Router.Accounts;

namespace Switchboard.Router.Service.Admin;

/// <summary>Maps the library's <see cref="AdminOutcome"/> to HTTP: 409, 404, 404 (unknown domain), 400.</summary>
internal static class AdminResults
{
    public static IResult From(AdminOutcome outcome, string what, Func<IResult> done) => outcome switch
    {
        AdminOutcome.Done => done(),
        AdminOutcome.AlreadyExists => Problem(StatusCodes.Status409Conflict, $"{what} already exists"),
        AdminOutcome.NotFound => Problem(StatusCodes.Status404NotFound, $"{what} not found"),
        AdminOutcome.UnknownDomain => Problem(StatusCodes.Status404NotFound, "unknown domain"),
        _ => Problem(StatusCodes.Status400BadRequest, $"invalid {what}"),
    };

    public static IResult Problem(int status, string title) => Results.Problem(title: title, statusCode: status);

    public static IResult Missing(string field) => Problem(StatusCodes.Status400BadRequest, $"'{field}' is required");

    public static async Task<string> ReadTextAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(request.Body);
        return await reader.ReadToEndAsync(cancellationToken);
    }
}
