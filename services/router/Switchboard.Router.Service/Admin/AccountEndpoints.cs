using Switchboard.Router.Accounts;

namespace Switchboard.Router.Service.Admin;

/// <summary><c>/api/router/accounts</c>: page through a domain, create, set password, delete, CSV import.</summary>
internal static class AccountEndpoints
{
    private const int MaxPage = 1000;

    public static void MapAccountEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/accounts", List);
        api.MapPost("/accounts", Create);
        api.MapPut("/accounts/{domain}/{user}/password", (string domain, string user, PasswordRequest body, IAccountStore accounts) =>
            string.IsNullOrEmpty(body.Password)
                ? AdminResults.Missing("password")
                : AdminResults.From(accounts.SetPassword(user, domain, body.Password), "account", Results.NoContent));
        api.MapDelete("/accounts/{domain}/{user}", (string domain, string user, IAccountStore accounts) =>
            AdminResults.From(accounts.DeleteAccount(user, domain), "account", Results.NoContent));
        api.MapPost("/accounts/import", Import).Accepts<string>("text/csv");
    }

    private static IResult List(string? domain, int? skip, int? take, IAccountStore accounts)
    {
        if (string.IsNullOrWhiteSpace(domain))
            return AdminResults.Missing("domain");
        var from = Math.Max(0, skip ?? 0);
        var count = Math.Clamp(take ?? 100, 1, MaxPage);
        var items = accounts.ListAccounts(domain, from, count).Select(a => new AccountView(a.User, a.Domain)).ToList();
        return Results.Ok(new AccountPage(domain.Trim().ToLowerInvariant(), accounts.CountAccounts(domain), from, count, items));
    }

    private static IResult Create(AccountRequest body, IAccountStore accounts)
    {
        if (string.IsNullOrWhiteSpace(body.User))
            return AdminResults.Missing("user");
        if (string.IsNullOrWhiteSpace(body.Domain))
            return AdminResults.Missing("domain");
        if (string.IsNullOrEmpty(body.Password))
            return AdminResults.Missing("password");
        var view = new AccountView(body.User.Trim(), body.Domain.Trim().ToLowerInvariant());
        return AdminResults.From(accounts.CreateAccount(view.User, view.Domain, body.Password), "account",
            () => Results.Created($"/api/router/accounts/{view.Domain}/{view.User}", view));
    }

    private static async Task<IResult> Import(HttpRequest request, IAccountStore accounts, CancellationToken cancellationToken)
    {
        // The store reads synchronously; Kestrel forbids synchronous body reads, so buffer the text first.
        var text = await AdminResults.ReadTextAsync(request, cancellationToken);
        var result = accounts.ImportCsv(new StringReader(text));
        return result.Succeeded
            ? Results.Ok(new ImportSummary(result.Imported))
            : Results.BadRequest(new LineErrors("CSV import failed; nothing was imported",
                [.. result.Errors.Select(e => new LineError(e.Line, e.Message))]));
    }
}
