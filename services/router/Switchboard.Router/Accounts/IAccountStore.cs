namespace Switchboard.Router.Accounts;

/// <summary>Accounts <c>user@domain</c>; read by the registrar (HA1) and the resolver (existence).</summary>
public interface IAccountStore
{
    Account? FindAccount(string user, string domain);

    AdminOutcome CreateAccount(string user, string domain, string password);

    AdminOutcome SetPassword(string user, string domain, string password);

    AdminOutcome DeleteAccount(string user, string domain);

    int CountAccounts(string? domain = null);

    IReadOnlyList<Account> ListAccounts(string domain, int skip, int take);

    /// <summary>
    /// Imports CSV lines <c>user,domain,password</c> (optional header line, quoted fields allowed)
    /// in one transaction: all lines or none. Existing accounts get the new password.
    /// </summary>
    AccountImportResult ImportCsv(TextReader csv);
}
