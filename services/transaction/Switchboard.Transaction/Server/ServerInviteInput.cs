namespace Switchboard.Transaction.Server;

/// <summary>Inputs of the INVITE server transaction.</summary>
internal enum ServerInviteInput
{
    Invite,
    Ack,
    Provisional,
    Success,
    Failure,
    TimerTrying,
    TimerG,
    TimerH,
    TimerI,
    TimerL,
    TransportError,
}
