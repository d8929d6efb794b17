using System.Text;
using Microsoft.Extensions.Logging;
using Switchboard.Transaction.Keys;
using Switchboard.Transaction.Options;

namespace Switchboard.Transaction.Tests.Doubles;

/// <summary>A fake clock and a context with inline dispatchers, so every callback runs before Run returns.</summary>
public sealed class Harness : IDisposable
{
    public Harness(Action<TransactionOptions>? configure = null, ILoggerFactory? loggers = null)
    {
        Options = new TransactionOptions();
        Options.Server.Processors = 0;
        Options.Client.Processors = 0;
        configure?.Invoke(Options);
        Clock = new TestClock(Options.TimerTick);
        Context = new TransactionContext(Options, Clock.Time, loggers);
    }

    public TransactionOptions Options { get; }

    public TestClock Clock { get; }

    public TransactionContext Context { get; }

    public static TransactionKey ServerKey(string branch = "z9hG4bK-1", string method = "INVITE") =>
        TransactionKey.ForServer(branch, "client.example.com", 5060, method);

    public static TransactionKey ClientKey(string branch = "z9hG4bK-c1", string method = "INVITE") =>
        TransactionKey.ForClient(branch, method);

    public static ReadOnlyMemory<byte> Bytes(string text) => Encoding.UTF8.GetBytes(text);

    public RecordingTransport Transport(bool reliable) => new(Clock, reliable);

    public void Dispose() => Context.Dispose();
}
