using System.Collections.Concurrent;
using Switchboard.Contracts.Sip;

namespace Switchboard.EdgeTransport.Tests;

/// <summary>Records what the edge delivers (copies of the bytes), so tests can wait for and inspect it.</summary>
internal sealed class RecordingSipSink : ISipMessageSink
{
    private readonly BlockingCollection<(byte[] Bytes, SipFlow Flow)> _messages = new();
    private readonly BlockingCollection<SipFlow> _closed = new();

    public void OnMessage(in ReceivedMessage message) => _messages.Add((message.Bytes.ToArray(), message.Flow));

    public void OnConnectionClosed(in SipFlow flow) => _closed.Add(flow);

    public (byte[] Bytes, SipFlow Flow) Next(int timeoutMs = 5000) =>
        _messages.TryTake(out var item, timeoutMs) ? item : throw new TimeoutException("No message delivered.");

    public bool TryNext(int timeoutMs, out (byte[] Bytes, SipFlow Flow) item) => _messages.TryTake(out item, timeoutMs);

    public SipFlow NextClosed(int timeoutMs = 5000) =>
        _closed.TryTake(out var flow, timeoutMs) ? flow : throw new TimeoutException("No connection closed.");
}
