using System.Collections.Concurrent;
using System.Threading.Channels;
using Google.Protobuf;
using Switchboard.Contracts.Sip;
using Switchboard.Protos.Conversions;
using Switchboard.Protos.Transaction;
using ContractSendResult = Switchboard.Contracts.Sip.SendResult;
using ContractSendStatus = Switchboard.Contracts.Sip.SendStatus;

namespace Switchboard.Transaction.Service;

/// <summary>
/// The transaction service's view of its edges: one <see cref="EdgeLink"/> per connected edge stream. Sending picks
/// the edge a flow belongs to (answers go back through the edge and connection they came on), or any edge for a
/// new destination. Sends to an address wait for the edge's result (it may open a TCP connection: the new flow);
/// sends on a flow are fire-and-forget like a UDP send.
/// </summary>
public sealed class EdgeLinkHub : ISipSender
{
    private readonly ConcurrentDictionary<string, EdgeLink> _edges = new();
    private readonly ConcurrentDictionary<ulong, TaskCompletionSource<ContractSendResult>> _pending = new();
    private long _nextId;
    private int _roundRobin;

    public int ConnectedEdges => _edges.Count;

    public EdgeLink Attach(string edgeId, int capacity)
    {
        var link = new EdgeLink(edgeId, capacity);
        _edges[edgeId] = link;
        return link;
    }

    public void Detach(EdgeLink link) =>
        _edges.TryRemove(new KeyValuePair<string, EdgeLink>(link.EdgeId, link));

    public void Complete(Protos.Transaction.SendResult result)
    {
        if (_pending.TryRemove(result.Id, out var waiter))
        {
            waiter.TrySetResult(new ContractSendResult((ContractSendStatus)(int)result.Status, result.Flow?.ToContract()));
        }
    }

    public async ValueTask<ContractSendResult> SendAsync(ReadOnlyMemory<byte> message, SendTarget target, CancellationToken cancellationToken = default)
    {
        var outbound = new OutboundMessage { Data = ByteString.CopyFrom(message.Span) };
        if (target.Flow is { } flow)
        {
            if (!_edges.TryGetValue(flow.EdgeId, out var owner))
            {
                return new ContractSendResult(ContractSendStatus.FlowClosed, null);
            }
            outbound.Flow = flow.ToProto();
            return owner.TryEnqueue(outbound)
                ? new ContractSendResult(ContractSendStatus.Sent, flow)
                : new ContractSendResult(ContractSendStatus.Unreachable, null);
        }
        var edge = PickAny();
        if (edge is null || target.Destination is not { } destination)
        {
            return new ContractSendResult(ContractSendStatus.Unreachable, null);
        }
        outbound.Destination = new Destination { Endpoint = destination.ToProto() };
        if (target.Transport is { } transport)
        {
            outbound.Destination.HasTransport = true;
            outbound.Destination.Transport = transport.ToProto();
        }
        outbound.Id = (ulong)Interlocked.Increment(ref _nextId);
        var waiter = new TaskCompletionSource<ContractSendResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[outbound.Id] = waiter;
        if (!edge.TryEnqueue(outbound))
        {
            _pending.TryRemove(outbound.Id, out _);
            return new ContractSendResult(ContractSendStatus.Unreachable, null);
        }
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(10));
        try
        {
            return await waiter.Task.WaitAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            _pending.TryRemove(outbound.Id, out _);
            return new ContractSendResult(ContractSendStatus.Unreachable, null);
        }
    }

    private EdgeLink? PickAny()
    {
        var edges = _edges.Values.ToArray();
        return edges.Length == 0 ? null : edges[(int)((uint)Interlocked.Increment(ref _roundRobin) % edges.Length)];
    }
}

/// <summary>One edge's stream: a bounded queue of outbound messages drained into batched frames.</summary>
public sealed class EdgeLink
{
    private readonly Channel<OutboundMessage> _queue;

    public EdgeLink(string edgeId, int capacity)
    {
        EdgeId = edgeId;
        _queue = Channel.CreateBounded<OutboundMessage>(new BoundedChannelOptions(capacity)
        {
            FullMode = BoundedChannelFullMode.DropWrite,
            SingleReader = true,
        });
    }

    public string EdgeId { get; }

    public ChannelReader<OutboundMessage> Reader => _queue.Reader;

    public bool TryEnqueue(OutboundMessage message) => _queue.Writer.TryWrite(message);

    public void Close() => _queue.Writer.TryComplete();
}
