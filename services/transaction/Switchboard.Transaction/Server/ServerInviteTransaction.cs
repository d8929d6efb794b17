using Switchboard.Transaction.Keys;
using Switchboard.Transaction.Timers;
using Switchboard.Transaction.Transport;

namespace Switchboard.Transaction.Server;

/// <summary>The INVITE server transaction (RFC 3261 §17.2.1 with RFC 6026's Accepted state).</summary>
public sealed partial class ServerInviteTransaction : ServerTransaction
{
    private readonly ITryingBuilder? _tryingBuilder;
    private ReadOnlyMemory<byte> _lastResponse;
    private TimeSpan _timerGInterval;
    private WheelTimer? _timerTrying;
    private WheelTimer? _timerG;
    private WheelTimer? _timerH;
    private WheelTimer? _timerI;
    private WheelTimer? _timerL;
    private bool _startCalled;

    /// <summary>
    /// Creates the transaction in Proceeding. With <paramref name="tryingBuilder"/> and
    /// <c>AutoTrying</c>, a 100 Trying goes out when the TU has not answered within <c>TryingDelay</c>.
    /// </summary>
    public ServerInviteTransaction(
        TransactionKey key, ReadOnlyMemory<byte> invite, ITransactionTransport transport,
        IServerTransactionUser user, TransactionContext context, ITryingBuilder? tryingBuilder = null)
        : base(key, TransactionKind.ServerInvite, invite, transport, user, context)
    {
        _tryingBuilder = tryingBuilder;
    }

    /// <summary>The current state.</summary>
    public ServerInviteState State { get; private set; } = ServerInviteState.Proceeding;

    /// <inheritdoc />
    public override bool IsTerminated => State == ServerInviteState.Terminated;

    /// <inheritdoc />
    public override ReadOnlyMemory<byte> LastResponse
    {
        get { lock (Gate) return _lastResponse; }
    }

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
        if (_tryingBuilder is not null && Options.AutoTrying)
            _timerTrying = Schedule(Options.TryingDelay, static s => ((ServerInviteTransaction)s!).Input(ServerInviteInput.TimerTrying));
        Notify(TuEvent.Request, 0, Request);
    }

    /// <inheritdoc />
    public override void ReceiveRequest(ReadOnlyMemory<byte> request)
    {
        lock (Gate) Fire(ServerInviteInput.Invite, 0, request);
        Flush();
    }

    /// <summary>An ACK matched this transaction (same key as the INVITE).</summary>
    public void ReceiveAck(ReadOnlyMemory<byte> ack)
    {
        lock (Gate) Fire(ServerInviteInput.Ack, 0, ack);
        Flush();
    }

    /// <inheritdoc />
    public override bool SendResponse(int statusCode, ReadOnlyMemory<byte> response)
    {
        if (!IsValidStatus(statusCode)) return false;
        var input = statusCode switch
        {
            < 200 => ServerInviteInput.Provisional,
            < 300 => ServerInviteInput.Success,
            _ => ServerInviteInput.Failure,
        };
        bool accepted;
        lock (Gate)
        {
            // Proceeding takes anything; Accepted takes the TU's 2xx retransmissions.
            accepted = State == ServerInviteState.Proceeding
                || (State == ServerInviteState.Accepted && input == ServerInviteInput.Success);
            if (accepted) Fire(input, statusCode, response);
        }
        Flush();
        return accepted;
    }

    /// <inheritdoc />
    public override void OnTransportError()
    {
        lock (Gate) Fire(ServerInviteInput.TransportError, 0, default);
        Flush();
    }

    private void Input(ServerInviteInput input)
    {
        lock (Gate) Fire(input, 0, default);
        Flush();
    }
}
