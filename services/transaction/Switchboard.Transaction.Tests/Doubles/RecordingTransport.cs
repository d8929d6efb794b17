using System.Text;
using Switchboard.Transaction.Transport;

namespace Switchboard.Transaction.Tests.Doubles;

/// <summary>Records what a transaction sends, with the simulated time of each send.</summary>
public sealed class RecordingTransport(TestClock clock, bool reliable) : ITransactionTransport
{
    private readonly List<(string Text, TimeSpan At)> _sent = [];

    public bool IsReliable => reliable;

    /// <summary>When true, every send reports a transport error (and is not recorded).</summary>
    public bool Fail { get; set; }

    public IReadOnlyList<string> Sent => _sent.Select(s => s.Text).ToList();

    public IReadOnlyList<double> SentAtSeconds => _sent.Select(s => s.At.TotalSeconds).ToList();

    public int Count => _sent.Count;

    public bool Send(ReadOnlyMemory<byte> message)
    {
        if (Fail) return false;
        _sent.Add((Encoding.UTF8.GetString(message.Span), clock.Elapsed));
        return true;
    }
}
