using Switchboard.Transaction.Keys;
using Switchboard.Transaction.Timers;
using Switchboard.Transaction.Transport;

namespace Switchboard.Transaction.Client;

/// <summary>The non-INVITE client transaction (RFC 3261 §17.1.2).</summary>
public sealed partial class ClientNonInviteTransaction : ClientTransaction
{
    private TimeSpan _timerEInterval;
    private WheelTimer? _timerE;
    private WheelTimer? _timerF;
    private WheelTimer? _timerK;
    private bool _startCalled;

    /// <summary>Creates the transaction in Trying; <see cref="Start"/> sends the request.</summary>
    public ClientNonInviteTransaction(
        TransactionKey key, ReadOnlyMemory<byte> request, ITransactionTransport transport,
        IClientTransactionUser user, TransactionContext context)
        : base(key, TransactionKind.ClientNonInvite, request, transport, user, context)
    {
    }

    /// <summary>The current state.</summary>
    public ClientNonInviteState State { get; private set; } = ClientNonInviteState.Trying;

    /// <inheritdoc />
    public override bool IsTerminated => State == ClientNonInviteState.Terminated;

    /// <inheritdoc />
    public override void Start()
    {
        lock (Gate) StartLocked();
        Flush();
    }

    private void StartLocked()
    {
        if (_startCalled) throw new InvalidOperationException("The transaction was already started.");
        _startCalled = true;
        MarkStarted();
        if (!Send(Request, retransmission: false))
        {
            Fire(ClientNonInviteInput.TransportError, 0, default);
            return;
        }
        if (!IsReliable)
        {
            _timerEInterval = Options.T1;
            _timerE = Schedule(_timerEInterval, static s => ((ClientNonInviteTransaction)s!).Input(ClientNonInviteInput.TimerE));
        }
        _timerF = Schedule(Options.Timeout64T1, static s => ((ClientNonInviteTransaction)s!).Input(ClientNonInviteInput.TimerF));
    }

    /// <inheritdoc />
    public override void ReceiveResponse(int statusCode, ReadOnlyMemory<byte> response)
    {
        if (!IsValidStatus(statusCode)) return;
        var input = statusCode < 200 ? ClientNonInviteInput.Provisional : ClientNonInviteInput.Final;
        lock (Gate) Fire(input, statusCode, response);
        Flush();
    }

    /// <inheritdoc />
    public override void OnTransportError()
    {
        lock (Gate) Fire(ClientNonInviteInput.TransportError, 0, default);
        Flush();
    }

    private void Input(ClientNonInviteInput input)
    {
        lock (Gate) Fire(input, 0, default);
        Flush();
    }
}
