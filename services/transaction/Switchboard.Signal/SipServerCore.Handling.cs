using System.Runtime.InteropServices;
using Switchboard.Signal.Handlers;
using Switchboard.Sip;
using Switchboard.Transaction.Dispatch;
using Switchboard.Transaction.Keys;
using Switchboard.Transaction.Options;
using Switchboard.Transaction.Server;

namespace Switchboard.Signal;

/// <summary>The transaction user side: new requests through the handlers, CANCEL against its INVITE.</summary>
public sealed partial class SipServerCore
{
    private void OnNewRequest(ServerTransaction transaction, ReadOnlyMemory<byte> request)
    {
        if (!MemoryMarshal.TryGetArray(request, out ArraySegment<byte> segment) || !_pending.TryRemove(segment.Array!, out PendingRequest? pending))
        {
            // Only requests that went through OnRequestReceived create transactions; anything else is a bug upstream.
            _metrics.MessageDropped();
            return;
        }

        var context = new SipRequestContext(pending.Message, pending.Flow, transaction, _metrics);
        if (pending.Message.Method == SipMethod.Cancel)
        {
            Cancel(context);
            return;
        }

        _ = RunHandlersAsync(context);
    }

    private async Task RunHandlersAsync(SipRequestContext context)
    {
        try
        {
            if (!await _handlers.RunAsync(context, CancellationToken.None).ConfigureAwait(false) && !context.IsAck)
            {
                // A chain without a final fallback must still not leave the client retransmitting into silence.
                context.Respond(500, "No Handler");
            }
        }
        catch (Exception e)
        {
            _metrics.HandlerFailed();
            _transactions.ServerLog.Write(
                TransactionLogLevel.Problems, "Request handler failed, 500 sent: {Error} {Message}", e.GetType().Name, e.ToString());
            if (!context.HasFinalResponse)
            {
                context.Respond(500, "Server Internal Error");
            }
        }
    }

    /// <summary>
    /// RFC 3261 §16.10 for a proxied INVITE (an <see cref="ISipCancelHandler"/> owns it); otherwise §9.2: 200 to the
    /// CANCEL, 487 to the INVITE if it has no final response yet; 481 without an INVITE.
    /// </summary>
    private void Cancel(SipRequestContext cancel)
    {
        foreach (ISipRequestHandler handler in _handlers.Handlers)
        {
            if (handler is ISipCancelHandler owner && owner.TryCancel(cancel))
            {
                return; // the INVITE is being proxied: its response context answers and cancels the branches
            }
        }

        if (!ServerKeys.TryCompute(cancel.Request, "INVITE", out TransactionKey inviteKey)
            || !Server.TryFind(inviteKey, out ServerTransaction? found) || found is not ServerInviteTransaction invite)
        {
            cancel.Respond(481, "Call/Transaction Does Not Exist");
            return;
        }

        cancel.Respond(200);
        if (invite.State != ServerInviteState.Proceeding)
        {
            return;
        }

        var request = new SipMessage();
        if (_parser.TryParseFramed(invite.Request, request, out _)
            && invite.SendResponse(487, SipRequestContext.Write(request, 487, "Request Terminated", null)))
        {
            _metrics.ResponseSent(487);
        }
    }

    /// <summary>An ACK that matched no transaction (it acknowledges a 2xx): offered to the handlers on a worker.</summary>
    private sealed class AckWork(SipServerCore core, SipRequestContext context) : ITransactionWork
    {
        public void Execute() => _ = core.RunHandlersAsync(context);
    }

    private sealed class TransactionUser(SipServerCore core) : IServerTransactionUser
    {
        public void OnRequest(ServerTransaction transaction, ReadOnlyMemory<byte> request) => core.OnNewRequest(transaction, request);

        // A 2xx ACK reaching an Accepted INVITE belongs to the TU that sent the 2xx; no handler sends 2xx to INVITE yet.
        public void OnAck(ServerInviteTransaction transaction, ReadOnlyMemory<byte> ack) => core._metrics.RequestReceived("ACK");

        public void OnAckTimeout(ServerInviteTransaction transaction) => core._metrics.AckTimedOut();

        // SipOutbound already counted the failed send and the layer counts TransportErrors; the transaction is
        // terminated, and a handler still working on the request finds SendResponse refused.
        public void OnTransportError(ServerTransaction transaction)
        {
        }
    }
}
