using Microsoft.Extensions.Logging;

namespace Switchboard.Hosting.Logging;

/// <summary>The logger of one tagged category; the level is read per record so a changed level applies at once.</summary>
internal sealed class SystemLogForwardingLogger(SystemLogForwarder forwarder, string tag) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => forwarder.IsEnabled(tag, logLevel);

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception,
        Func<TState, Exception?, string> formatter)
    {
        if (!forwarder.IsEnabled(tag, logLevel))
        {
            return;
        }

        forwarder.Enqueue(tag, logLevel, formatter(state, exception), exception);
    }
}
