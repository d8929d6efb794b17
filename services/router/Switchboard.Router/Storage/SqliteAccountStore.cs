using Microsoft.Data.Sqlite;
using Switchboard.Router.Accounts;
using Switchboard.Router.Changes;

namespace Switchboard.Router.Storage;

/// <summary>Accounts in SQLite with MD5 and SHA-256 HA1 per account (realm = domain).</summary>
public sealed class SqliteAccountStore(SqliteRouterDatabase database, IDomainStore domains, IRoutingChanges changes) : IAccountStore
{
    private const int MaxReportedErrors = 100;
    private const string Columns = "user, domain, ha1_md5, ha1_sha256, nt_hash";
    private const string Upsert = """
        INSERT INTO accounts (domain, user, ha1_md5, ha1_sha256, nt_hash) VALUES ($domain, $user, $md5, $sha256, $nt)
        ON CONFLICT (domain, user) DO UPDATE
            SET ha1_md5 = excluded.ha1_md5, ha1_sha256 = excluded.ha1_sha256, nt_hash = excluded.nt_hash
        """;

    private const string Insert = """
        INSERT INTO accounts (domain, user, ha1_md5, ha1_sha256, nt_hash) VALUES ($domain, $user, $md5, $sha256, $nt)
        ON CONFLICT (domain, user) DO NOTHING
        """;

    public Account? FindAccount(string user, string domain) =>
        database.QueryFirst($"SELECT {Columns} FROM accounts WHERE domain = $domain AND user = $user", Map,
            ("$domain", AccountNames.NormalizeDomain(domain)), ("$user", user));

    public AdminOutcome CreateAccount(string user, string domain, string password)
    {
        var name = AccountNames.NormalizeDomain(domain);
        if (!AccountNames.IsValidUser(user) || password.Length == 0)
            return AdminOutcome.Invalid;
        if (!domains.IsLocal(name))
            return AdminOutcome.UnknownDomain;
        if (RoutingNames.IsTaken(database, user, name))
            return AdminOutcome.AlreadyExists;
        var inserted = database.Execute(Insert, ("$domain", name), ("$user", user),
            ("$md5", AccountHa1.Md5(user, name, password)), ("$sha256", AccountHa1.Sha256(user, name, password)),
            ("$nt", NtHash(password)));
        if (inserted == 0)
            return AdminOutcome.AlreadyExists;
        Publish(name);
        return AdminOutcome.Done;
    }

    public AdminOutcome SetPassword(string user, string domain, string password)
    {
        var name = AccountNames.NormalizeDomain(domain);
        if (password.Length == 0)
            return AdminOutcome.Invalid;
        var updated = database.Execute(
            "UPDATE accounts SET ha1_md5 = $md5, ha1_sha256 = $sha256, nt_hash = $nt WHERE domain = $domain AND user = $user",
            ("$domain", name), ("$user", user),
            ("$md5", AccountHa1.Md5(user, name, password)), ("$sha256", AccountHa1.Sha256(user, name, password)),
            ("$nt", NtHash(password)));
        if (updated == 0)
            return AdminOutcome.NotFound;
        Publish(name);
        return AdminOutcome.Done;
    }

    public AdminOutcome DeleteAccount(string user, string domain)
    {
        var name = AccountNames.NormalizeDomain(domain);
        using var connection = database.Open();
        using var transaction = connection.BeginTransaction();
        using var delete = SqliteRouterDatabase.Command(connection,
            "DELETE FROM accounts WHERE domain = $domain AND user = $user", ("$domain", name), ("$user", user));
        if (delete.ExecuteNonQuery() == 0)
            return AdminOutcome.NotFound;
        // Aliases of a deleted account would dangle.
        using var aliases = SqliteRouterDatabase.Command(connection,
            "DELETE FROM aliases WHERE domain = $domain AND account = $user", ("$domain", name), ("$user", user));
        aliases.ExecuteNonQuery();
        transaction.Commit();
        Publish(name);
        return AdminOutcome.Done;
    }

    public int CountAccounts(string? domain = null) =>
        domain is null
            ? database.Query("SELECT COUNT(*) FROM accounts", r => r.GetInt32(0))[0]
            : database.Query("SELECT COUNT(*) FROM accounts WHERE domain = $domain", r => r.GetInt32(0),
                ("$domain", AccountNames.NormalizeDomain(domain)))[0];

    public IReadOnlyList<Account> ListAccounts(string domain, int skip, int take) =>
        database.Query($"SELECT {Columns} FROM accounts WHERE domain = $domain ORDER BY user LIMIT $take OFFSET $skip", Map,
            ("$domain", AccountNames.NormalizeDomain(domain)), ("$take", Math.Clamp(take, 0, 10_000)), ("$skip", Math.Max(0, skip)));

    public AccountImportResult ImportCsv(TextReader csv)
    {
        var (lines, errors) = ReadCsv(csv);
        if (errors.Count > 0)
            return new AccountImportResult(0, errors);
        using var connection = database.Open();
        using var transaction = connection.BeginTransaction();
        using var command = SqliteRouterDatabase.Command(connection, Upsert,
            ("$domain", ""), ("$user", ""), ("$md5", ""), ("$sha256", ""), ("$nt", null));
        command.Transaction = transaction;
        command.Prepare();
        foreach (var line in lines)
        {
            command.Parameters[0].Value = line.Domain;
            command.Parameters[1].Value = line.User;
            command.Parameters[2].Value = AccountHa1.Md5(line.User, line.Domain, line.Password);
            command.Parameters[3].Value = AccountHa1.Sha256(line.User, line.Domain, line.Password);
            command.Parameters[4].Value = (object?)NtHash(line.Password) ?? DBNull.Value;
            command.ExecuteNonQuery();
        }
        transaction.Commit();
        if (lines.Count > 0)
            changes.Publish(new RoutingChanged(RoutingChangeKind.Accounts, null));
        return new AccountImportResult(lines.Count, []);
    }

    private (List<AccountCsvLine> Lines, List<CsvLineError> Errors) ReadCsv(TextReader csv)
    {
        var lines = new List<AccountCsvLine>();
        var errors = new List<CsvLineError>();
        var number = 0;
        while (csv.ReadLine() is { } text)
        {
            number++;
            if (text.Trim().Length == 0 || (number == 1 && AccountCsvLine.IsHeader(text)))
                continue;
            string? error = null;
            if (!AccountCsvLine.TryParse(text, out var line, out var parseError))
                error = parseError;
            else if (!domains.IsLocal(line.Domain))
                error = $"unknown domain '{line.Domain}'";
            if (error is null)
                lines.Add(line);
            else if (errors.Count < MaxReportedErrors)
                errors.Add(new CsvLineError(number, error));
        }
        return (lines, errors);
    }

    private string? NtHash(string password) => database.Options.StoreNtHash ? AccountHa1.NtHash(password) : null;

    private void Publish(string domain) => changes.Publish(new RoutingChanged(RoutingChangeKind.Accounts, domain));

    private static Account Map(SqliteDataReader reader) =>
        new(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
            reader.IsDBNull(4) ? null : reader.GetString(4));
}
