namespace Switchboard.Router.Storage;

public sealed class RouterStorageOptions
{
    /// <summary>Folder of the SQLite file; created when missing.</summary>
    public string DataDirectory { get; set; } = "./data";

    public string FileName { get; set; } = "router.db";

    /// <summary>
    /// Also store the NT hash (MD4 of the UTF-16LE password) so NTLM can work. Off by default: an NT hash
    /// is password-equivalent for NTLM and is the same in every realm, unlike the Digest HA1 values.
    /// </summary>
    public bool StoreNtHash { get; set; }
}
