using Switchboard.Transaction.Keys;
using Switchboard.Transaction.Timers;
using Switchboard.Transaction.Transport;

namespace Switchboard.Transaction.Server;

/// <summary>The non-INVITE server transaction (RFC 3261 §17.2.2).</summary>
public sealed partial class ServerNonInviteTransaction : ServerTransaction
{
    private ReadOnlyMemory<byte> _lastResponse;
    private WheelTimer? _timerJ;
    private bool _startCalled;

    /// <summary>Creates the transaction in Trying.</summary>
    public ServerNonInviteTransaction(
        TransactionKey key, ReadOnlyMemory<byte> request, ITransactionTransport transport,
        IServerTransactionUser user, TransactionContext context)
        : base(key, TransactionKind.ServerNonInvite, request, transport, user, context)
    {
    }

    /// <summary>The current state.</summary>
    public ServerNonInviteState State { get; private set; } = ServerNonInviteState.Trying;

    /// <inheritdoc />
    public override bool IsTerminated => State == ServerNonInviteState.Terminated;

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
        Notify(TuEvent.Request, 0, Request);
    }

    /// <inheritdoc />
    public override void ReceiveRequest(ReadOnlyMemory<byte> request)
    {
        lock (Gate) Fire(ServerNonInviteInput.Request, 0, request);
        Flush();
    }

    /// <inheritdoc />
    public override bool SendResponse(int statusCode, ReadOnlyMemory<byte> response)
    {
        if (!IsValidStatus(statusCode)) return false;
        var input = statusCode < 200 ? ServerNonInviteInput.Provisional : ServerNonInviteInput.Final;
        bool accepted;
        lock (Gate)
        {
            accepted = State is ServerNonInviteState.Trying or ServerNonInviteState.Proceeding;
            if (accepted) Fire(input, statusCode, response);
        }
        Flush();
        return accepted;
    }

    /// <inheritdoc />
    public override void OnTransportError()
    {
        lock (Gate) Fire(ServerNonInviteInput.TransportError, 0, default);
        Flush();
    }

    private void Input(ServerNonInviteInput input)
    {
        lock (Gate) Fire(input, 0, default);
        Flush();
    }
}
