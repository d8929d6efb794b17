using Switchboard.Proxy.Transport;

namespace Switchboard.Proxy.Tests.Gateways;

/// <summary>What a proxy branch would have been told.</summary>
internal sealed class RecordingBranchEvents : IProxyBranchEvents
{
    public List<(int Status, string Text)> Responses { get; } = [];

    public int Timeouts { get; private set; }

    public void OnResponse(int statusCode, ReadOnlyMemory<byte> response) => Responses.Add((statusCode, TestMessages.Text(response)));

    public void OnTimeout() => Timeouts++;

    public void OnTransportError()
    {
    }
}
