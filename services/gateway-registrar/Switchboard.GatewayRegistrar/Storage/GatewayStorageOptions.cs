namespace Switchboard.GatewayRegistrar.Storage;

/// <summary>The "Storage" section: where gateways.db lives.</summary>
public sealed class GatewayStorageOptions
{
    /// <summary>Folder of the SQLite file; created when missing.</summary>
    public string DataDirectory { get; set; } = "./data";

    public string FileName { get; set; } = "gateways.db";
}
