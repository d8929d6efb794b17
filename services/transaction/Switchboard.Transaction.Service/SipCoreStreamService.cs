using Grpc.Core;
using Microsoft.Extensions.Options;
using Prometheus;
using Switchboard.Contracts.Sip;
using Switchboard.Hosting.Streaming;
using Switchboard.Protos.Conversions;
using Switchboard.Protos.Transaction;

namespace Switchboard.Transaction.Service;

/// <summary>
/// The transaction service's end of the SIP path: each edge keeps one bidirectional stream open. Inbound batches
/// are delivered to the SIP core one message at a time; outbound messages for that edge are coalesced into frames,
/// paced by <see cref="TransactionServiceOptions.BatchInterval"/> so a frame carries what queued meanwhile.
/// </summary>
public sealed class SipCoreStreamService : SipCore.SipCoreBase
{
    private readonly ISipMessageSink _core;
    private readonly EdgeLinkHub _hub;
    private readonly TransactionServiceOptions _options;
    private readonly TimeProvider _time;
    private readonly CoreLinkMetrics _metrics;
    private readonly ILogger<SipCoreStreamService> _logger;

    public SipCoreStreamService(ISipMessageSink core, EdgeLinkHub hub, IOptions<TransactionServiceOptions> options,
        TimeProvider time, IMetricFactory metrics, ILogger<SipCoreStreamService> logger)
    {
        _core = core;
        _hub = hub;
        _options = options.Value;
        _time = time;
        _metrics = new CoreLinkMetrics(metrics, CoreLinkMetrics.ToEdge);
        _logger = logger;
    }

    public override async Task Connect(IAsyncStreamReader<EdgeToCore> requestStream, IServerStreamWriter<CoreToEdge> responseStream, ServerCallContext context)
    {
        if (!await requestStream.MoveNext(context.CancellationToken).ConfigureAwait(false)
            || requestStream.Current.BodyCase != EdgeToCore.BodyOneofCase.Hello)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, "The first frame must be EdgeHello."));
        }
        var edgeId = requestStream.Current.Hello.EdgeId;
        var link = _hub.Attach(edgeId, _options.EdgeQueueCapacity);
        _logger.LogInformation("Edge {EdgeId} connected from {Peer}", edgeId, context.Peer);
        using var done = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken);
        var writer = WriteLoopAsync(link, responseStream, done.Token);
        try
        {
            while (await requestStream.MoveNext(context.CancellationToken).ConfigureAwait(false))
            {
                Dispatch(requestStream.Current);
            }
        }
        catch (Exception e) when (e is IOException or OperationCanceledException)
        {
            // The edge went away; it reconnects by itself.
        }
        finally
        {
            _hub.Detach(link);
            link.Close();
            done.Cancel();
            await SwallowCancellation(writer).ConfigureAwait(false);
            _logger.LogInformation("Edge {EdgeId} disconnected", edgeId);
        }
    }

    private void Dispatch(EdgeToCore frame)
    {
        switch (frame.BodyCase)
        {
            case EdgeToCore.BodyOneofCase.Inbound:
                foreach (var message in frame.Inbound.Messages)
                {
                    var receivedAt = DateTimeOffset.FromUnixTimeMilliseconds(message.ReceivedUnixMs);
                    _core.OnMessage(new ReceivedMessage(message.Data.Memory, message.Flow.ToContract(), receivedAt));
                }
                break;
            case EdgeToCore.BodyOneofCase.SendResults:
                foreach (var result in frame.SendResults.Results)
                {
                    _hub.Complete(result);
                }
                break;
            case EdgeToCore.BodyOneofCase.FlowClosed:
                _core.OnConnectionClosed(frame.FlowClosed.Flow.ToContract());
                break;
        }
    }

    private async Task WriteLoopAsync(EdgeLink link, IServerStreamWriter<CoreToEdge> stream, CancellationToken cancellationToken)
    {
        var reader = link.Reader;
        var pacer = new FramePacer(_options.BatchInterval, _time);
        while (await reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
        {
            await pacer.WaitAsync(cancellationToken).ConfigureAwait(false);
            var batch = new OutboundBatch();
            while (batch.Messages.Count < _options.MaxBatch && reader.TryRead(out var message))
            {
                batch.Messages.Add(message);
            }
            await stream.WriteAsync(new CoreToEdge { Outbound = batch }, cancellationToken).ConfigureAwait(false);
            _metrics.FrameWritten(batch.Messages.Count);
            pacer.FrameSent();
        }
    }

    private static async Task SwallowCancellation(Task task)
    {
        try
        {
            await task.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
        catch (InvalidOperationException)
        {
            // Writing after the call ended.
        }
    }
}
