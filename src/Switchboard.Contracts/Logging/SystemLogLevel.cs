namespace Switchboard.Contracts.Logging;

/// <summary>
/// The manual's Log settings, from the quietest to the most verbose. A component logging at a level
/// records everything at that level and the levels before it.
/// </summary>
public enum SystemLogLevel
{
    /// <summary>Unrecoverable problems only.</summary>
    Failure = 1,

    /// <summary>Session establishment reports.</summary>
    Major = 2,

    /// <summary>Failures, session establishment and non-fatal errors.</summary>
    Problems = 3,

    /// <summary>Protocol-level details.</summary>
    LowLevel = 4,

    /// <summary>Link-level details: everything.</summary>
    AllInfo = 5,
}
