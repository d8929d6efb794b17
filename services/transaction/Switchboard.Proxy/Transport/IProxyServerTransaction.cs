namespace Switchboard.Proxy.Transport;

/// <summary>The server transaction of the request being proxied: where responses go upstream.</summary>
public interface IProxyServerTransaction
{
    /// <summary>Sends a response; false when the transaction no longer takes one (e.g. after a final non-2xx).</summary>
    bool SendResponse(int statusCode, ReadOnlyMemory<byte> response);
}
