using Switchboard.Proxy.Transport;

namespace Switchboard.Proxy.Context;

/// <summary>The client transaction of a CANCEL we send: its 200 or 481 changes nothing (the INVITE branch decides).</summary>
internal sealed class IgnoredResponses : IProxyBranchEvents
{
    public void OnResponse(int statusCode, ReadOnlyMemory<byte> response)
    {
    }

    public void OnTimeout()
    {
    }

    public void OnTransportError()
    {
    }
}
