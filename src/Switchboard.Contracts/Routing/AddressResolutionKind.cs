namespace Switchboard.Contracts.Routing;

public enum AddressResolutionKind : byte
{
    /// <summary>A local account: look up its registrations.</summary>
    LocalAccount = 0,
    /// <summary>A SIP URI served elsewhere: locate it by RFC 3263.</summary>
    Remote = 1,
    /// <summary>An external gateway (PSTN trunk) by name, with the target to put in the Request-URI.</summary>
    Gateway = 2,
    /// <summary>Refused with a status code (404, 403, 480, 482, 483, 604...).</summary>
    Rejected = 3,
}
