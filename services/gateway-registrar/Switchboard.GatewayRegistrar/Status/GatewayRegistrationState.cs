namespace Switchboard.GatewayRegistrar.Status;

public enum GatewayRegistrationState : byte
{
    /// <summary>No binding at the gateway (not started yet, disabled, or unregistered on stop).</summary>
    Unregistered = 0,
    /// <summary>The first REGISTER is on its way.</summary>
    Registering = 1,
    Registered = 2,
    /// <summary>The last attempt failed; a retry is scheduled.</summary>
    Failed = 3,
    /// <summary>Another instance holds the lease and runs this gateway's loop.</summary>
    StandBy = 4,
}
