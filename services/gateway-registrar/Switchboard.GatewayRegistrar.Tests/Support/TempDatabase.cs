using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Switchboard.GatewayRegistrar.Storage;

namespace Switchboard.GatewayRegistrar.Tests.Support;

/// <summary>A gateways.db in a fresh temp folder; deleted on dispose.</summary>
internal sealed class TempDatabase : IDisposable
{
    public TempDatabase()
    {
        Directory = Path.Combine(Path.GetTempPath(), "sb-gw-" + Guid.NewGuid().ToString("N"));
        Options = Microsoft.Extensions.Options.Options.Create(new GatewayStorageOptions { DataDirectory = Directory });
        Database = new SqliteGatewayDatabase(Options);
    }

    public string Directory { get; }

    public IOptions<GatewayStorageOptions> Options { get; }

    public SqliteGatewayDatabase Database { get; }

    /// <summary>A second handle on the same file, as another process would open it.</summary>
    public SqliteGatewayDatabase OpenAgain() => new(Options);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        System.IO.Directory.Delete(Directory, recursive: true);
    }
}
