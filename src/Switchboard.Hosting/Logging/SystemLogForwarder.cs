using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Switchboard.Contracts.Events;

namespace Switchboard.Hosting.Logging;

/// <summary>
/// The logger provider behind the System Log fan-out: loggers of tagged categories turn records at or above
/// their tag's level into <see cref="LogRecorded"/> and put them on a bounded queue without waiting
/// (a full queue drops the record and counts it). <see cref="SystemLogForwardingService"/> moves the queue
/// to <c>IEventPublisher</c>; until a bus exists the queue only fills.
/// </summary>
[ProviderAlias("SystemLogForwarding")]
public sealed class SystemLogForwarder : ILoggerProvider
{
    private readonly Channel<LogRecorded> _channel;
    private readonly ConcurrentDictionary<string, ILogger> _loggers = new(StringComparer.Ordinal);
    private readonly SystemLogTagResolver _tags;
    private readonly ISystemLogLevels _levels;
    private readonly SystemLogForwardingOptions _options;
    private readonly SystemLogForwardingMetrics _metrics;
    private readonly TimeProvider _time;
    private volatile bool _enabled;

    public SystemLogForwarder(
        IOptions<SystemLogForwardingOptions> options,
        IOptions<SystemLogOptions> systemLog,
        ISystemLogLevels levels,
        SystemLogForwardingMetrics metrics,
        TimeProvider time)
    {
        _options = options.Value;
        if (_options.Capacity < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), _options.Capacity, "SystemLog:Forwarding:Capacity must be at least 1");
        }

        // Wait mode + TryWrite: TryWrite returns false when full, so we know what we dropped.
        _channel = Channel.CreateBounded<LogRecorded>(new BoundedChannelOptions(_options.Capacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
        });
        _tags = new SystemLogTagResolver(systemLog.Value.Categories, _options.ExcludedCategories);
        _levels = levels;
        _metrics = metrics;
        _time = time;
        _enabled = _options.Enabled;
        Service = _options.Service ?? "switchboard";
    }

    /// <summary>The service name the records carry.</summary>
    public string Service { get; }

    internal ChannelReader<LogRecorded> Reader => _channel.Reader;

    internal bool Enabled => _enabled;

    public ILogger CreateLogger(string categoryName) =>
        _loggers.GetOrAdd(categoryName, name => _options.Enabled && _tags.Resolve(name) is { } tag
            ? new SystemLogForwardingLogger(this, tag)
            : NoForwardingLogger.Instance);

    /// <summary>No bus in this process: stop queuing and forget what was queued.</summary>
    internal void Disable()
    {
        _enabled = false;
        _channel.Writer.TryComplete();
        while (_channel.Reader.TryRead(out _))
        {
        }
    }

    internal bool IsEnabled(string tag, LogLevel level) =>
        _enabled && level != LogLevel.None && level >= _levels.Get(tag).ToMinimumLogLevel();

    internal void Enqueue(string tag, LogLevel level, string message, Exception? exception)
    {
        var text = exception is null ? message : $"{message} {exception}";
        if (text.Length > _options.MaxTextLength)
        {
            text = text[.._options.MaxTextLength];
        }

        var record = new LogRecorded(_time.GetUtcNow(), Service, tag, level.ToSystemLogLevel(), text);
        if (_channel.Writer.TryWrite(record))
        {
            _metrics.Queued.Inc();
        }
        else if (_enabled)
        {
            _metrics.Dropped.Inc();
        }
    }

    public void Dispose() => _channel.Writer.TryComplete();

    private sealed class NoForwardingLogger : ILogger
    {
        public static readonly NoForwardingLogger Instance = new();

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => false;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception,
            Func<TState, Exception?, string> formatter)
        {
        }
    }
}
