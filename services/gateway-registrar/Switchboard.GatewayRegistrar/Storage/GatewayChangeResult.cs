namespace Switchboard.GatewayRegistrar.Storage;

/// <summary>The outcome of an admin change to the gateway table.</summary>
public enum GatewayChangeResult : byte
{
    Done = 0,
    NotFound = 1,
    AlreadyExists = 2,
    Invalid = 3,
}
