namespace Switchboard.Transaction.Client;

/// <summary>Inputs of the INVITE client transaction.</summary>
internal enum ClientInviteInput
{
    Provisional,
    Success,
    Failure,
    TimerA,
    TimerB,
    TimerD,
    TimerM,
    TransportError,
}
