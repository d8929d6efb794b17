using Microsoft.Extensions.Logging;

namespace Switchboard.Transaction.Tests.Doubles;

/// <summary>Records every log entry as "category|level|message".</summary>
public sealed class RecordingLoggerFactory : ILoggerFactory
{
    private readonly List<string> _entries = [];

    public IReadOnlyList<string> Entries { get { lock (_entries) return _entries.ToList(); } }

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void AddProvider(ILoggerProvider provider) => throw new NotSupportedException("The recorder has no providers.");

    public void Dispose()
    {
    }

    private sealed class Logger(RecordingLoggerFactory owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (owner._entries) owner._entries.Add($"{category}|{logLevel}|{formatter(state, exception)}");
        }
    }
}
