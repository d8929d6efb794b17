namespace Switchboard.Transaction.Client;

// The state machine of RFC 3261 Figure 5 as amended by RFC 6026 §7.2; runs under Gate.
public sealed partial class ClientInviteTransaction
{
    private void Fire(ClientInviteInput input, int statusCode, ReadOnlyMemory<byte> response)
    {
        switch (State)
        {
            case ClientInviteState.Calling: OnCalling(input, statusCode, response); break;
            case ClientInviteState.Proceeding: OnProceeding(input, statusCode, response); break;
            case ClientInviteState.Completed: OnCompleted(input, response); break;
            case ClientInviteState.Accepted: OnAccepted(input, statusCode, response); break;
        }
    }

    private void OnCalling(ClientInviteInput input, int statusCode, ReadOnlyMemory<byte> response)
    {
        switch (input)
        {
            case ClientInviteInput.TimerA:
                if (!Send(Request, retransmission: true)) { OnCalling(ClientInviteInput.TransportError, 0, default); return; }
                // Timer A doubles without the T2 cap (§17.1.1.2); Timer B ends it.
                _timerAInterval *= 2;
                _timerA = Schedule(_timerAInterval, static s => ((ClientInviteTransaction)s!).Input(ClientInviteInput.TimerA));
                break;
            case ClientInviteInput.TimerB:
                Terminate();
                RecordTimeout();
                Notify(TuEvent.Timeout);
                break;
            case ClientInviteInput.Provisional:
                Cancel(ref _timerA);
                Cancel(ref _timerB);
                State = ClientInviteState.Proceeding;
                Notify(TuEvent.Provisional, statusCode, response);
                break;
            default:
                OnProceeding(input, statusCode, response);
                break;
        }
    }

    private void OnProceeding(ClientInviteInput input, int statusCode, ReadOnlyMemory<byte> response)
    {
        switch (input)
        {
            case ClientInviteInput.Provisional:
                Notify(TuEvent.Provisional, statusCode, response);
                break;
            case ClientInviteInput.Success:
                CancelAll();
                State = ClientInviteState.Accepted;
                _timerM = Schedule(Options.Timeout64T1, static s => ((ClientInviteTransaction)s!).Input(ClientInviteInput.TimerM));
                Settle();
                Notify(TuEvent.Final, statusCode, response);
                break;
            case ClientInviteInput.Failure:
                EnterCompleted(statusCode, response);
                break;
            case ClientInviteInput.TransportError:
                Terminate();
                NotifyTransportError();
                break;
        }
    }

    private void EnterCompleted(int statusCode, ReadOnlyMemory<byte> response)
    {
        CancelAll();
        State = ClientInviteState.Completed;
        Notify(TuEvent.Final, statusCode, response);
        _ack = _ackBuilder.BuildAck(Request, response);
        if (!Send(_ack, retransmission: false))
        {
            Terminate();
            NotifyTransportError();
            return;
        }
        var timerD = IsReliable ? TimeSpan.Zero : Options.TimerD;
        if (timerD == TimeSpan.Zero) Terminate();
        else
        {
            _timerD = Schedule(timerD, static s => ((ClientInviteTransaction)s!).Input(ClientInviteInput.TimerD));
            Settle();
        }
    }

    private void OnCompleted(ClientInviteInput input, ReadOnlyMemory<byte> response)
    {
        switch (input)
        {
            case ClientInviteInput.Failure:
                // A retransmitted final response: ACK again, the TU already has it.
                if (!Send(_ack, retransmission: true)) OnCompleted(ClientInviteInput.TransportError, response);
                break;
            case ClientInviteInput.TimerD:
                Terminate();
                break;
            case ClientInviteInput.TransportError:
                Terminate();
                NotifyTransportError();
                break;
        }
    }

    private void OnAccepted(ClientInviteInput input, int statusCode, ReadOnlyMemory<byte> response)
    {
        switch (input)
        {
            case ClientInviteInput.Success:
                // Retransmitted or forked 2xx: the TU ACKs each (RFC 6026 §7.2).
                Notify(TuEvent.Final, statusCode, response);
                break;
            case ClientInviteInput.TimerM:
                Terminate();
                break;
        }
    }

    private void CancelAll()
    {
        Cancel(ref _timerA);
        Cancel(ref _timerB);
        Cancel(ref _timerD);
        Cancel(ref _timerM);
    }

    private void Terminate()
    {
        CancelAll();
        State = ClientInviteState.Terminated;
        OnTerminated();
    }
}
