namespace Switchboard.Transaction.Server;

/// <summary>Inputs of the non-INVITE server transaction.</summary>
internal enum ServerNonInviteInput
{
    Request,
    Provisional,
    Final,
    TimerJ,
    TransportError,
}
