namespace Switchboard.Transaction.Server;

// The state machine of RFC 3261 Figure 7 as amended by RFC 6026 §7.1; runs under Gate.
public sealed partial class ServerInviteTransaction
{
    private void Fire(ServerInviteInput input, int statusCode, ReadOnlyMemory<byte> message)
    {
        switch (State)
        {
            case ServerInviteState.Proceeding: OnProceeding(input, message); break;
            case ServerInviteState.Completed: OnCompleted(input, message); break;
            case ServerInviteState.Confirmed:
                if (input == ServerInviteInput.TimerI) Terminate();
                break;
            case ServerInviteState.Accepted: OnAccepted(input, message); break;
        }
    }

    private void OnProceeding(ServerInviteInput input, ReadOnlyMemory<byte> message)
    {
        switch (input)
        {
            case ServerInviteInput.Invite:
                if (!_lastResponse.IsEmpty) SendOrFail(_lastResponse, retransmission: true);
                break;
            case ServerInviteInput.TimerTrying:
                // Only if the TU has sent nothing yet (the timer is cancelled by any TU response).
                if (_lastResponse.IsEmpty) SendResponseBytes(_tryingBuilder!.BuildTrying(Request), retransmission: false);
                break;
            case ServerInviteInput.Provisional:
                Cancel(ref _timerTrying);
                SendResponseBytes(message, retransmission: false);
                break;
            case ServerInviteInput.Success:
                Cancel(ref _timerTrying);
                State = ServerInviteState.Accepted;
                _timerL = Schedule(Options.Timeout64T1, static s => ((ServerInviteTransaction)s!).Input(ServerInviteInput.TimerL));
                SendResponseBytes(message, retransmission: false);
                Settle(); // answered: only 2xx retransmissions and stray ACKs until Timer L
                break;
            case ServerInviteInput.Failure:
                EnterCompleted(message);
                break;
            case ServerInviteInput.TransportError:
                Terminate();
                NotifyTransportError();
                break;
        }
    }

    private void EnterCompleted(ReadOnlyMemory<byte> response)
    {
        Cancel(ref _timerTrying);
        State = ServerInviteState.Completed;
        if (!IsReliable)
        {
            _timerGInterval = Options.T1;
            _timerG = Schedule(_timerGInterval, static s => ((ServerInviteTransaction)s!).Input(ServerInviteInput.TimerG));
        }
        _timerH = Schedule(Options.Timeout64T1, static s => ((ServerInviteTransaction)s!).Input(ServerInviteInput.TimerH));
        SendResponseBytes(response, retransmission: false);
    }

    private void OnCompleted(ServerInviteInput input, ReadOnlyMemory<byte> message)
    {
        switch (input)
        {
            case ServerInviteInput.Invite:
                SendOrFail(_lastResponse, retransmission: true);
                break;
            case ServerInviteInput.TimerG:
                if (!SendOrFail(_lastResponse, retransmission: true)) return;
                _timerGInterval = TimeSpan.FromTicks(Math.Min(_timerGInterval.Ticks * 2, Options.T2.Ticks));
                _timerG = Schedule(_timerGInterval, static s => ((ServerInviteTransaction)s!).Input(ServerInviteInput.TimerG));
                break;
            case ServerInviteInput.TimerH:
                Terminate();
                RecordTimeout();
                Notify(TuEvent.AckTimeout);
                break;
            case ServerInviteInput.Ack:
                Cancel(ref _timerG);
                Cancel(ref _timerH);
                State = ServerInviteState.Confirmed;
                if (IsReliable) Terminate();
                else
                {
                    _timerI = Schedule(Options.T4, static s => ((ServerInviteTransaction)s!).Input(ServerInviteInput.TimerI));
                    Settle();
                }
                break;
            case ServerInviteInput.TransportError:
                Terminate();
                NotifyTransportError();
                break;
        }
    }

    private void OnAccepted(ServerInviteInput input, ReadOnlyMemory<byte> message)
    {
        switch (input)
        {
            case ServerInviteInput.Success:
                // The TU retransmits its 2xx; INVITE retransmissions are absorbed.
                _lastResponse = message;
                if (!Transport.Send(message)) NotifyTransportError();
                break;
            case ServerInviteInput.Ack:
                Notify(TuEvent.Ack, 0, message);
                break;
            case ServerInviteInput.TimerL:
                Terminate();
                break;
            case ServerInviteInput.TransportError:
                // RFC 6026 Figure 5: Accepted informs the TU and stays; Timer L still ends it.
                NotifyTransportError();
                break;
        }
    }

    // Sends a TU response (or our 100) and remembers it for request retransmissions.
    private void SendResponseBytes(ReadOnlyMemory<byte> response, bool retransmission)
    {
        _lastResponse = response;
        SendOrFail(response, retransmission);
    }

    private bool SendOrFail(ReadOnlyMemory<byte> message, bool retransmission)
    {
        if (Send(message, retransmission)) return true;
        Fire(ServerInviteInput.TransportError, 0, default);
        return false;
    }

    private void Terminate()
    {
        Cancel(ref _timerTrying);
        Cancel(ref _timerG);
        Cancel(ref _timerH);
        Cancel(ref _timerI);
        Cancel(ref _timerL);
        State = ServerInviteState.Terminated;
        OnTerminated();
    }
}
