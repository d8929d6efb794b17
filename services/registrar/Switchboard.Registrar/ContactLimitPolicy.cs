namespace Switchboard.Registrar;

/// <summary>What happens when a REGISTER would leave more than MaxContactsPerAor bindings.</summary>
public enum ContactLimitPolicy
{
    /// <summary>The least recently registered bindings are dropped to make room.</summary>
    DropOldest,

    /// <summary>The REGISTER is refused with 403 and nothing changes.</summary>
    Reject,
}
