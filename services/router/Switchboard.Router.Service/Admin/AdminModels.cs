namespace Switchboard.Router.Service.Admin;

// JSON bodies of the admin API (camelCase on the wire).

public sealed record DomainRequest(string? Name);

public sealed record AccountRequest(string? User, string? Domain, string? Password);

public sealed record PasswordRequest(string? Password);

public sealed record AccountView(string User, string Domain);

public sealed record AccountPage(string Domain, int Total, int Skip, int Take, IReadOnlyList<AccountView> Items);

public sealed record AliasRequest(string? Name, string? Domain, string? Account);

public sealed record ForwarderRequest(string? Name, string? Domain, string? Target);

public sealed record ImportSummary(int Imported);

/// <summary>A 400 body for text inputs (CSV, Router table): every bad line with its 1-based number.</summary>
public sealed record LineErrors(string Title, IReadOnlyList<LineError> Errors);

public sealed record LineError(int Line, string Message);
