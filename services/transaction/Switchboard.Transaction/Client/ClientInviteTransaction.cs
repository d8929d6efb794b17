using Switchboard.Transaction.Keys;
using Switchboard.Transaction.Timers;
using Switchboard.Transaction.Transport;

namespace Switchboard.Transaction.Client;

/// <summary>The INVITE client transaction (RFC 3261 §17.1.1 with RFC 6026's Accepted state).</summary>
public sealed partial class ClientInviteTransaction : ClientTransaction
{
    private readonly IAckBuilder _ackBuilder;
    private ReadOnlyMemory<byte> _ack;
    private TimeSpan _timerAInterval;
    private WheelTimer? _timerA;
    private WheelTimer? _timerB;
    private WheelTimer? _timerD;
    private WheelTimer? _timerM;
    private bool _startCalled;

    /// <summary>Creates the transaction in Calling; <see cref="Start"/> sends the INVITE.</summary>
    public ClientInviteTransaction(
        TransactionKey key, ReadOnlyMemory<byte> invite, ITransactionTransport transport,
        IClientTransactionUser user, IAckBuilder ackBuilder, TransactionContext context)
        : base(key, TransactionKind.ClientInvite, invite, transport, user, context)
    {
        ArgumentNullException.ThrowIfNull(ackBuilder);
        _ackBuilder = ackBuilder;
    }

    /// <summary>The current state.</summary>
    public ClientInviteState State { get; private set; } = ClientInviteState.Calling;

    /// <inheritdoc />
    public override bool IsTerminated => State == ClientInviteState.Terminated;

    /// <summary>The ACK sent for the non-2xx final response, once in Completed.</summary>
    public ReadOnlyMemory<byte> Ack => _ack;

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
            Fire(ClientInviteInput.TransportError, 0, default);
            return;
        }
        if (!IsReliable)
        {
            _timerAInterval = Options.T1;
            _timerA = Schedule(_timerAInterval, static s => ((ClientInviteTransaction)s!).Input(ClientInviteInput.TimerA));
        }
        _timerB = Schedule(Options.Timeout64T1, static s => ((ClientInviteTransaction)s!).Input(ClientInviteInput.TimerB));
    }

    /// <inheritdoc />
    public override void ReceiveResponse(int statusCode, ReadOnlyMemory<byte> response)
    {
        if (!IsValidStatus(statusCode)) return;
        var input = statusCode switch
        {
            < 200 => ClientInviteInput.Provisional,
            < 300 => ClientInviteInput.Success,
            _ => ClientInviteInput.Failure,
        };
        lock (Gate) Fire(input, statusCode, response);
        Flush();
    }

    /// <inheritdoc />
    public override void OnTransportError()
    {
        lock (Gate) Fire(ClientInviteInput.TransportError, 0, default);
        Flush();
    }

    private void Input(ClientInviteInput input)
    {
        lock (Gate) Fire(input, 0, default);
        Flush();
    }
}
