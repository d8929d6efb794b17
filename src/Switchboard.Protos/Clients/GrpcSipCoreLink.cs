using System.Threading.Channels;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Prometheus;
using Switchboard.Contracts.Sip;
using Switchboard.Hosting.Streaming;
using Switchboard.Protos.Conversions;
using Switchboard.Protos.Transaction;

namespace Switchboard.Protos.Clients;

/// <summary>
/// The edge's end of the SIP path to the transaction service: ONE long-lived bidirectional stream. Received SIP
/// messages are queued and sent in batches (what arrived since the last frame, up to MaxBatch, with frames paced by
/// <see cref="SipCoreLinkOptions.BatchInterval"/>); messages the core sends back arrive on the same stream and are
/// handed to the local edge. Reconnects with back-off when the stream breaks; while it is down, inbound messages are
/// dropped and counted (UDP peers retransmit).
/// </summary>
public sealed class GrpcSipCoreLink : ISipMessageSink, IAsyncDisposable
{
    private readonly SipCoreLinkOptions _options;
    private readonly ILogger<GrpcSipCoreLink> _logger;
    private readonly Channel<Outgoing> _outgoing;
    private readonly TimeProvider _time;
    private readonly CoreLinkMetrics _metrics;
    private readonly CancellationTokenSource _stop = new();
    private readonly GrpcChannel _channel;
    private ISipSender? _edge;
    private string _edgeId = "edge";
    private IReadOnlyList<ListenerInfo> _listeners = [];
    private Task _run = Task.CompletedTask;
    private long _dropped;
    private volatile bool _connected;

    public GrpcSipCoreLink(IOptions<SipCoreLinkOptions> options, TimeProvider time, IMetricFactory metrics,
        ILogger<GrpcSipCoreLink> logger)
    {
        _options = options.Value;
        _time = time;
        _metrics = new CoreLinkMetrics(metrics, CoreLinkMetrics.ToCore);
        _logger = logger;
        _outgoing = Channel.CreateBounded<Outgoing>(new BoundedChannelOptions(_options.QueueCapacity)
        {
            FullMode = BoundedChannelFullMode.DropWrite,
            SingleReader = true,
        });
        _channel = GrpcChannel.ForAddress(_options.Address, new GrpcChannelOptions
        {
            HttpHandler = new SocketsHttpHandler
            {
                EnableMultipleHttp2Connections = true,
                KeepAlivePingDelay = TimeSpan.FromSeconds(20),
                KeepAlivePingTimeout = TimeSpan.FromSeconds(10),
            },
        });
    }

    /// <summary>Inbound messages dropped because the link was down or its queue full.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    public bool IsConnected => _connected;

    /// <summary>Starts the link for <paramref name="edge"/>: what the core sends is executed on it.</summary>
    public void Start(string edgeId, ISipSender edge, IReadOnlyList<ListenerInfo> listeners)
    {
        _edgeId = edgeId;
        _edge = edge;
        _listeners = listeners;
        _run = Task.Run(RunAsync);
    }

    public void OnMessage(in ReceivedMessage message)
    {
        var inbound = new InboundMessage
        {
            Data = ByteString.CopyFrom(message.Bytes.Span),
            Flow = message.Flow.ToProto(),
            ReceivedUnixMs = message.ReceivedAt.ToUnixTimeMilliseconds(),
        };
        if (!_connected || !_outgoing.Writer.TryWrite(new Outgoing(inbound, null)))
        {
            Interlocked.Increment(ref _dropped);
        }
    }

    public void OnConnectionClosed(in SipFlow flow) =>
        _outgoing.Writer.TryWrite(new Outgoing(null, new EdgeToCore { FlowClosed = new FlowClosed { Flow = flow.ToProto() } }));

    private async Task RunAsync()
    {
        var delay = _options.ReconnectDelay;
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                await RunStreamAsync().ConfigureAwait(false);
                delay = _options.ReconnectDelay;
            }
            catch (Exception e) when (!_stop.IsCancellationRequested)
            {
                _logger.LogWarning("SIP core link to {Address} broke: {Error}; retrying in {Delay}", _options.Address, e.Message, delay);
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                break;
            }
            finally
            {
                _connected = false;
            }
            try
            {
                await Task.Delay(delay, _stop.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, _options.MaxReconnectDelay.Ticks));
        }
    }

    private async Task RunStreamAsync()
    {
        var client = new SipCore.SipCoreClient(_channel);
        using var call = client.Connect(cancellationToken: _stop.Token);
        var hello = new EdgeToCore { Hello = new EdgeHello { EdgeId = _edgeId } };
        hello.Hello.Listeners.AddRange(_listeners);
        await call.RequestStream.WriteAsync(hello).ConfigureAwait(false);
        _connected = true;
        _logger.LogInformation("SIP core link to {Address} up as edge {EdgeId}", _options.Address, _edgeId);
        using var streamDone = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
        var writer = WriteLoopAsync(call.RequestStream, streamDone.Token);
        try
        {
            await foreach (var frame in call.ResponseStream.ReadAllAsync(_stop.Token).ConfigureAwait(false))
            {
                if (frame.BodyCase == CoreToEdge.BodyOneofCase.Outbound)
                {
                    await ExecuteAsync(frame.Outbound).ConfigureAwait(false);
                }
            }
        }
        finally
        {
            streamDone.Cancel();
            try
            {
                await writer.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
            }
        }
    }

    /// <summary>
    /// Coalesces what is queued into one frame per write; control frames (send results, closed flows) go in order
    /// between the batches. The pacer spaces frames out under load so batches grow with it.
    /// </summary>
    private async Task WriteLoopAsync(IClientStreamWriter<EdgeToCore> stream, CancellationToken cancellationToken)
    {
        var reader = _outgoing.Reader;
        var pacer = new FramePacer(_options.BatchInterval, _time);
        while (await reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
        {
            await pacer.WaitAsync(cancellationToken).ConfigureAwait(false);
            InboundBatch? batch = null;
            while (reader.TryRead(out var item))
            {
                if (item.Inbound is { } inbound)
                {
                    batch ??= new InboundBatch();
                    batch.Messages.Add(inbound);
                    if (batch.Messages.Count < _options.MaxBatch)
                    {
                        continue;
                    }
                }
                if (batch is not null)
                {
                    await WriteBatchAsync(stream, batch, cancellationToken).ConfigureAwait(false);
                    batch = null;
                }
                if (item.Control is { } control)
                {
                    await stream.WriteAsync(control, cancellationToken).ConfigureAwait(false);
                }
            }
            if (batch is not null)
            {
                await WriteBatchAsync(stream, batch, cancellationToken).ConfigureAwait(false);
            }
            pacer.FrameSent();
        }
    }

    private async Task WriteBatchAsync(IClientStreamWriter<EdgeToCore> stream, InboundBatch batch, CancellationToken cancellationToken)
    {
        await stream.WriteAsync(new EdgeToCore { Inbound = batch }, cancellationToken).ConfigureAwait(false);
        _metrics.FrameWritten(batch.Messages.Count);
    }

    private async Task ExecuteAsync(OutboundBatch batch)
    {
        var edge = _edge ?? throw new InvalidOperationException("Start the link first.");
        SendResultBatch? results = null;
        foreach (var message in batch.Messages)
        {
            var target = message.TargetCase == OutboundMessage.TargetOneofCase.Flow
                ? SendTarget.ToFlow(message.Flow.ToContract())
                : SendTarget.ToAddress(message.Destination.Endpoint.ToContract(),
                    message.Destination.HasTransport ? message.Destination.Transport.ToContract() : null);
            var result = await edge.SendAsync(message.Data.Memory, target).ConfigureAwait(false);
            if (message.Id != 0)
            {
                results ??= new SendResultBatch();
                var proto = new Transaction.SendResult { Id = message.Id, Status = (Transaction.SendStatus)(int)result.Status };
                if (result.Flow is { } flow)
                {
                    proto.Flow = flow.ToProto();
                }
                results.Results.Add(proto);
            }
        }
        if (results is not null)
        {
            _outgoing.Writer.TryWrite(new Outgoing(null, new EdgeToCore { SendResults = results }));
        }
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _outgoing.Writer.TryComplete();
        try
        {
            await _run.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
        _channel.Dispose();
    }

    /// <summary>A queued item: an inbound SIP message (batched) or a control frame sent as it is.</summary>
    private readonly record struct Outgoing(InboundMessage? Inbound, EdgeToCore? Control);
}
