using System.Text;
using Switchboard.Transaction.Server;

namespace Switchboard.Transaction.Tests.Doubles;

/// <summary>Records server TU callbacks; optionally answers requests from inside the callback.</summary>
public sealed class RecordingServerUser : IServerTransactionUser
{
    private readonly List<string> _events = [];

    public IReadOnlyList<string> Events { get { lock (_events) return _events.ToList(); } }

    public List<ServerTransaction> Transactions { get; } = [];

    /// <summary>Called when a request arrives (runs on the dispatcher's thread).</summary>
    public Action<ServerTransaction>? OnRequestReceived { get; set; }

    public void OnRequest(ServerTransaction transaction, ReadOnlyMemory<byte> request)
    {
        Add($"request {Encoding.UTF8.GetString(request.Span)}");
        lock (_events) Transactions.Add(transaction);
        OnRequestReceived?.Invoke(transaction);
    }

    public void OnAck(ServerInviteTransaction transaction, ReadOnlyMemory<byte> ack) =>
        Add($"ack {Encoding.UTF8.GetString(ack.Span)}");

    public void OnAckTimeout(ServerInviteTransaction transaction) => Add("ack-timeout");

    public void OnTransportError(ServerTransaction transaction) => Add("transport-error");

    private void Add(string item)
    {
        lock (_events) _events.Add(item);
    }
}
