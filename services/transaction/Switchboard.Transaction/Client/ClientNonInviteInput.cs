namespace Switchboard.Transaction.Client;

/// <summary>Inputs of the non-INVITE client transaction.</summary>
internal enum ClientNonInviteInput
{
    Provisional,
    Final,
    TimerE,
    TimerF,
    TimerK,
    TransportError,
}
