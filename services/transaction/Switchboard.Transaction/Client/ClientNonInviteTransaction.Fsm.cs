namespace Switchboard.Transaction.Client;

// The state machine of RFC 3261 Figure 6; runs under Gate.
public sealed partial class ClientNonInviteTransaction
{
    private void Fire(ClientNonInviteInput input, int statusCode, ReadOnlyMemory<byte> response)
    {
        switch (State)
        {
            case ClientNonInviteState.Trying:
            case ClientNonInviteState.Proceeding:
                OnTryingOrProceeding(input, statusCode, response);
                break;
            case ClientNonInviteState.Completed:
                if (input == ClientNonInviteInput.TimerK) Terminate();
                break;
        }
    }

    private void OnTryingOrProceeding(ClientNonInviteInput input, int statusCode, ReadOnlyMemory<byte> response)
    {
        switch (input)
        {
            case ClientNonInviteInput.TimerE:
                RetransmitRequest();
                break;
            case ClientNonInviteInput.TimerF:
                Terminate();
                RecordTimeout();
                Notify(TuEvent.Timeout);
                break;
            case ClientNonInviteInput.Provisional:
                State = ClientNonInviteState.Proceeding;
                Notify(TuEvent.Provisional, statusCode, response);
                break;
            case ClientNonInviteInput.Final:
                EnterCompleted(statusCode, response);
                break;
            case ClientNonInviteInput.TransportError:
                Terminate();
                NotifyTransportError();
                break;
        }
    }

    private void RetransmitRequest()
    {
        if (!Send(Request, retransmission: true))
        {
            OnTryingOrProceeding(ClientNonInviteInput.TransportError, 0, default);
            return;
        }
        // Trying: back off doubling up to T2; Proceeding: every T2 (§17.1.2.2).
        _timerEInterval = State == ClientNonInviteState.Proceeding
            ? Options.T2
            : TimeSpan.FromTicks(Math.Min(_timerEInterval.Ticks * 2, Options.T2.Ticks));
        _timerE = Schedule(_timerEInterval, static s => ((ClientNonInviteTransaction)s!).Input(ClientNonInviteInput.TimerE));
    }

    private void EnterCompleted(int statusCode, ReadOnlyMemory<byte> response)
    {
        Cancel(ref _timerE);
        Cancel(ref _timerF);
        State = ClientNonInviteState.Completed;
        Notify(TuEvent.Final, statusCode, response);
        if (IsReliable)
        {
            Terminate();
            return;
        }
        _timerK = Schedule(Options.T4, static s => ((ClientNonInviteTransaction)s!).Input(ClientNonInviteInput.TimerK));
        Settle();
    }

    private void Terminate()
    {
        Cancel(ref _timerE);
        Cancel(ref _timerF);
        Cancel(ref _timerK);
        State = ClientNonInviteState.Terminated;
        OnTerminated();
    }
}
