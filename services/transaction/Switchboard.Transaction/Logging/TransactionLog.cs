using Microsoft.Extensions.Logging;
using Switchboard.Transaction.Options;

namespace Switchboard.Transaction.Logging;

/// <summary>
/// Logs through <see cref="ILogger"/> gated by the manual's level; the category ends in the
/// manual's tag (SIPS for server transactions, SIPC for client transactions).
/// </summary>
public sealed class TransactionLog
{
    /// <summary>Category of server transaction records.</summary>
    public const string ServerCategory = "Switchboard.Transaction.SIPS";

    /// <summary>Category of client transaction records.</summary>
    public const string ClientCategory = "Switchboard.Transaction.SIPC";

    private readonly ILogger _logger;

    /// <summary>Wraps <paramref name="logger"/> with the configured <paramref name="level"/>.</summary>
    public TransactionLog(ILogger logger, TransactionLogLevel level)
    {
        _logger = logger;
        Level = level;
    }

    /// <summary>The configured level.</summary>
    public TransactionLogLevel Level { get; }

    /// <summary>Whether records of <paramref name="level"/> are written.</summary>
    public bool IsEnabled(TransactionLogLevel level) =>
        level != TransactionLogLevel.None && level <= Level && _logger.IsEnabled(ToLogLevel(level));

    /// <summary>Writes one record if <paramref name="level"/> is enabled.</summary>
    public void Write(TransactionLogLevel level, string message, object? arg0 = null, object? arg1 = null)
    {
        if (!IsEnabled(level)) return;
#pragma warning disable CA2254 // the templates are the constants passed by this library
        _logger.Log(ToLogLevel(level), message, arg0, arg1);
#pragma warning restore CA2254
    }

    /// <summary>Writes one record if <paramref name="level"/> is enabled; value-type arguments are boxed only then.</summary>
    public void Write<T0, T1>(TransactionLogLevel level, string message, T0 arg0, T1 arg1)
    {
        if (!IsEnabled(level)) return;
#pragma warning disable CA2254 // the templates are the constants passed by this library
        _logger.Log(ToLogLevel(level), message, arg0, arg1);
#pragma warning restore CA2254
    }

    /// <summary>Writes one record if <paramref name="level"/> is enabled; a value-type argument is boxed only then.</summary>
    public void Write<T0>(TransactionLogLevel level, string message, T0 arg0)
    {
        if (!IsEnabled(level)) return;
#pragma warning disable CA2254 // the templates are the constants passed by this library
        _logger.Log(ToLogLevel(level), message, arg0);
#pragma warning restore CA2254
    }

    private static LogLevel ToLogLevel(TransactionLogLevel level) => level switch
    {
        TransactionLogLevel.Failure => LogLevel.Error,
        TransactionLogLevel.Major => LogLevel.Information,
        TransactionLogLevel.Problems => LogLevel.Warning,
        TransactionLogLevel.LowLevel => LogLevel.Debug,
        _ => LogLevel.Trace,
    };
}
