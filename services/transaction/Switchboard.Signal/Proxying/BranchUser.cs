using Switchboard.Proxy.Transport;
using Switchboard.Transaction.Client;

namespace Switchboard.Signal.Proxying;

/// <summary>Hands a client transaction's reports to the proxy branch that started it.</summary>
internal sealed class BranchUser(IProxyBranchEvents branch) : IClientTransactionUser
{
    public void OnProvisional(ClientTransaction transaction, int statusCode, ReadOnlyMemory<byte> response) =>
        branch.OnResponse(statusCode, response);

    public void OnFinal(ClientTransaction transaction, int statusCode, ReadOnlyMemory<byte> response) =>
        branch.OnResponse(statusCode, response);

    public void OnTimeout(ClientTransaction transaction) => branch.OnTimeout();

    public void OnTransportError(ClientTransaction transaction) => branch.OnTransportError();
}
