using Switchboard.Contracts.Gateway;
using Switchboard.Sip;
using Switchboard.Sip.Parsing;
using Switchboard.Transaction.Client;

namespace Switchboard.Signal.Client;

/// <summary>
/// The transaction user of one UAC request: absorbs 1xx, completes with the first final response, a timeout
/// (Timer F, reported as 408) or a transport failure. Runs on transaction workers and timers; the awaiting caller
/// resumes on the thread pool.
/// </summary>
internal sealed class PendingClientRequest(SipParser parser) : IClientTransactionUser
{
    private readonly TaskCompletionSource<SipClientResponse> _result = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task<SipClientResponse> Result => _result.Task;

    public void Fail(string reason) => _result.TrySetResult(SipClientResponse.Failed(reason));

    public void OnProvisional(ClientTransaction transaction, int statusCode, ReadOnlyMemory<byte> response)
    {
    }

    public void OnFinal(ClientTransaction transaction, int statusCode, ReadOnlyMemory<byte> response)
    {
        var message = new SipMessage();
        _result.TrySetResult(parser.TryParseDatagram(response, message, out _) && message.IsResponse
            ? ClientResponseReader.Read(message)
            : SipClientResponse.Final(statusCode, "", []));
    }

    public void OnTimeout(ClientTransaction transaction) => _result.TrySetResult(SipClientResponse.TimedOut());

    public void OnTransportError(ClientTransaction transaction) => Fail("the transport failed");
}
