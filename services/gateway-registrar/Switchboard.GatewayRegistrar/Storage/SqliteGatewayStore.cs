using Microsoft.Data.Sqlite;
using Switchboard.Contracts.Gateway;
using Switchboard.GatewayRegistrar.Gateways;

namespace Switchboard.GatewayRegistrar.Storage;

/// <summary>
/// Gateways in gateways.db. The password is kept as given: the realm is only known from the gateway's challenge,
/// so HA1 cannot be computed ahead (protect the file like a key file).
/// </summary>
public sealed class SqliteGatewayStore(SqliteGatewayDatabase database) : IGatewayStore
{
    private const string Columns = "name, domain, username, password, contact, register_every, enabled";
    private const int SqliteConstraint = 19;

    public ValueTask<GatewaySettings?> FindAsync(string name, CancellationToken cancellationToken = default)
    {
        var rows = database.Query($"SELECT {Columns} FROM gateways WHERE name = $name", Read, ("$name", name));
        return ValueTask.FromResult(rows.Count > 0 ? rows[0] : null);
    }

    public ValueTask<IReadOnlyList<GatewaySettings>> ListAsync(CancellationToken cancellationToken = default) =>
        ValueTask.FromResult<IReadOnlyList<GatewaySettings>>(database.Query($"SELECT {Columns} FROM gateways ORDER BY name", Read));

    public ValueTask<GatewayChangeResult> AddAsync(GatewaySettings settings, CancellationToken cancellationToken = default)
    {
        if (GatewayValidation.Problem(settings) is not null)
        {
            return ValueTask.FromResult(GatewayChangeResult.Invalid);
        }

        try
        {
            database.Execute(
                $"INSERT INTO gateways ({Columns}) VALUES ($name, $domain, $username, $password, $contact, $every, $enabled)",
                Parameters(settings));
            return ValueTask.FromResult(GatewayChangeResult.Done);
        }
        catch (SqliteException e) when (e.SqliteErrorCode == SqliteConstraint)
        {
            return ValueTask.FromResult(GatewayChangeResult.AlreadyExists);
        }
    }

    public ValueTask<GatewayChangeResult> UpdateAsync(GatewaySettings settings, CancellationToken cancellationToken = default)
    {
        if (GatewayValidation.Problem(settings) is not null)
        {
            return ValueTask.FromResult(GatewayChangeResult.Invalid);
        }

        var changed = database.Execute(
            """
            UPDATE gateways SET domain = $domain, username = $username, password = $password, contact = $contact,
                register_every = $every, enabled = $enabled WHERE name = $name
            """,
            Parameters(settings));
        return ValueTask.FromResult(changed > 0 ? GatewayChangeResult.Done : GatewayChangeResult.NotFound);
    }

    public ValueTask<GatewayChangeResult> RemoveAsync(string name, CancellationToken cancellationToken = default)
    {
        var changed = database.Execute("DELETE FROM gateways WHERE name = $name", ("$name", name));
        return ValueTask.FromResult(changed > 0 ? GatewayChangeResult.Done : GatewayChangeResult.NotFound);
    }

    private static (string, object?)[] Parameters(GatewaySettings s) =>
    [
        ("$name", s.Name), ("$domain", s.Domain), ("$username", s.Username), ("$password", s.Password),
        ("$contact", string.IsNullOrWhiteSpace(s.Contact) ? null : s.Contact), ("$every", s.RegisterEverySeconds), ("$enabled", s.Enabled ? 1 : 0),
    ];

    private static GatewaySettings Read(SqliteDataReader r) => new(
        r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.IsDBNull(4) ? null : r.GetString(4), r.GetInt32(5), r.GetInt32(6) != 0);
}
