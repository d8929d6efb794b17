namespace Switchboard.Transaction.Server;

// The state machine of RFC 3261 Figure 8; runs under Gate.
public sealed partial class ServerNonInviteTransaction
{
    private void Fire(ServerNonInviteInput input, int statusCode, ReadOnlyMemory<byte> message)
    {
        if (State == ServerNonInviteState.Terminated) return;
        switch (input)
        {
            case ServerNonInviteInput.Request:
                // Trying has nothing to resend; Proceeding and Completed resend the last response.
                if (State != ServerNonInviteState.Trying) SendOrFail(_lastResponse, retransmission: true);
                break;
            case ServerNonInviteInput.Provisional:
                State = ServerNonInviteState.Proceeding;
                _lastResponse = message;
                SendOrFail(message, retransmission: false);
                break;
            case ServerNonInviteInput.Final:
                EnterCompleted(message);
                break;
            case ServerNonInviteInput.TimerJ:
                if (State == ServerNonInviteState.Completed) Terminate();
                break;
            case ServerNonInviteInput.TransportError:
                Terminate();
                NotifyTransportError();
                break;
        }
    }

    private void EnterCompleted(ReadOnlyMemory<byte> response)
    {
        State = ServerNonInviteState.Completed;
        _lastResponse = response;
        if (!SendOrFail(response, retransmission: false)) return;
        // Timer J: 64*T1 over unreliable transports, zero over reliable ones.
        if (IsReliable)
        {
            Terminate();
            return;
        }

        if (TrySettleAway(response))
        {
            // The layer resends the response to retransmissions until Timer J would have fired.
            Terminate();
            return;
        }

        _timerJ = Schedule(Options.Timeout64T1, static s => ((ServerNonInviteTransaction)s!).Input(ServerNonInviteInput.TimerJ));
        Compact();
    }

    // For the 32 s of Timer J only the final response matters (§17.2.2): drop the request and any slack
    // of the response's buffer, and leave the in-progress count so Completed records do not cause 503s.
    private void Compact()
    {
        Request = default;
        _lastResponse = ResponseCopy.Trim(_lastResponse);
        Settle();
    }

    private bool SendOrFail(ReadOnlyMemory<byte> message, bool retransmission)
    {
        if (Send(message, retransmission)) return true;
        Fire(ServerNonInviteInput.TransportError, 0, default);
        return false;
    }

    private void Terminate()
    {
        Cancel(ref _timerJ);
        State = ServerNonInviteState.Terminated;
        OnTerminated();
    }
}
