using Switchboard.Proxy.Transport;
using Switchboard.Signal.Metrics;
using Switchboard.Transaction.Server;

namespace Switchboard.Signal.Proxying;

/// <summary>The proxied request's server transaction, as the proxy sees it: where responses go upstream.</summary>
internal sealed class ServerTransactionResponder(ServerTransaction transaction, SignalMetrics metrics) : IProxyServerTransaction
{
    public bool SendResponse(int statusCode, ReadOnlyMemory<byte> response)
    {
        if (!transaction.SendResponse(statusCode, response))
        {
            return false;
        }

        metrics.ResponseSent(statusCode);
        return true;
    }
}
