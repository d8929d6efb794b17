using System.Text;
using Switchboard.Transaction.Client;

namespace Switchboard.Transaction.Tests.Doubles;

/// <summary>Records client TU callbacks as short strings.</summary>
public sealed class RecordingClientUser : IClientTransactionUser
{
    private readonly List<string> _events = [];

    public IReadOnlyList<string> Events { get { lock (_events) return _events.ToList(); } }

    public void OnProvisional(ClientTransaction transaction, int statusCode, ReadOnlyMemory<byte> response) =>
        Add($"provisional {statusCode} {Encoding.UTF8.GetString(response.Span)}");

    public void OnFinal(ClientTransaction transaction, int statusCode, ReadOnlyMemory<byte> response) =>
        Add($"final {statusCode} {Encoding.UTF8.GetString(response.Span)}");

    public void OnTimeout(ClientTransaction transaction) => Add("timeout");

    public void OnTransportError(ClientTransaction transaction) => Add("transport-error");

    private void Add(string item)
    {
        lock (_events) _events.Add(item);
    }
}
