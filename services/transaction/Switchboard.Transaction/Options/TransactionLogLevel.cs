namespace Switchboard.Transaction.Options;

/// <summary>The manual's log levels for the SIPS/SIPC subcomponents, most severe first.</summary>
public enum TransactionLogLevel
{
    /// <summary>Nothing is logged.</summary>
    None = 0,
    /// <summary>Unrecoverable problems only.</summary>
    Failure = 1,
    /// <summary>Session establishment reports.</summary>
    Major = 2,
    /// <summary>Failures, session establishment and non-fatal errors.</summary>
    Problems = 3,
    /// <summary>Low-level events such as retransmissions.</summary>
    LowLevel = 4,
    /// <summary>Everything, including each transaction's creation and end.</summary>
    AllInfo = 5,
}
