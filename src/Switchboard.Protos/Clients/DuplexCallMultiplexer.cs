using System.Collections.Concurrent;
using System.Threading.Channels;
using Grpc.Core;

namespace Switchboard.Protos.Clients;

/// <summary>
/// Many concurrent request/response calls over ONE bidirectional gRPC stream, matched by correlation id.
/// The stream is opened when the first request is queued and reopened with exponential back-off when it
/// breaks; calls written on a broken stream fail with <see cref="StatusCode.Unavailable"/>, calls still queued
/// go out on the next stream, and every call fails with <see cref="StatusCode.DeadlineExceeded"/> after
/// <see cref="StreamingClientOptions.CallTimeout"/>. Thread-safe.
/// </summary>
public sealed class DuplexCallMultiplexer<TRequest, TResponse> : IAsyncDisposable
    where TRequest : class
    where TResponse : class
{
    private static readonly WriteOptions Buffered = new(WriteFlags.BufferHint);

    private readonly Func<CancellationToken, AsyncDuplexStreamingCall<TRequest, TResponse>> _open;
    private readonly Func<TResponse, ulong> _idOf;
    private readonly StreamingClientOptions _options;
    private readonly TimeProvider _time;
    private readonly Channel<(ulong Id, TRequest Request)> _outbox =
        Channel.CreateUnbounded<(ulong, TRequest)>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentDictionary<ulong, PendingCall> _pending = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _loop;
    private long _nextId;
    private long _generation;

    public DuplexCallMultiplexer(
        Func<CancellationToken, AsyncDuplexStreamingCall<TRequest, TResponse>> open,
        Func<TResponse, ulong> idOf,
        StreamingClientOptions? options = null,
        TimeProvider? time = null)
    {
        _open = open;
        _idOf = idOf;
        _options = options ?? new StreamingClientOptions();
        _time = time ?? TimeProvider.System;
        _loop = Task.Run(RunAsync);
    }

    /// <summary>Streams opened so far (the first one included); a test and metrics hook.</summary>
    public long StreamsOpened => Interlocked.Read(ref _generation);

    public int PendingCalls => _pending.Count;

    /// <summary>Sends the request <paramref name="build"/> makes for a fresh correlation id and awaits its answer.</summary>
    public async Task<TResponse> CallAsync(Func<ulong, TRequest> build, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_stopping.IsCancellationRequested, this);
        var id = (ulong)Interlocked.Increment(ref _nextId);
        var call = new PendingCall();
        _pending[id] = call;
        try
        {
            if (!_outbox.Writer.TryWrite((id, build(id))))
                throw new ObjectDisposedException(GetType().Name);
            return await call.Completion.Task.WaitAsync(_options.CallTimeout, _time, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            throw new RpcException(new Status(StatusCode.DeadlineExceeded, $"no answer within {_options.CallTimeout}"));
        }
        finally
        {
            _pending.TryRemove(id, out _);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_stopping.IsCancellationRequested)
            return;
        _stopping.Cancel();
        _outbox.Writer.TryComplete();
        await _loop.ConfigureAwait(false);
        FailAll(call => true, new ObjectDisposedException(GetType().Name));
        _stopping.Dispose();
    }

    private async Task RunAsync()
    {
        var delay = _options.ReconnectMinDelay;
        while (!_stopping.IsCancellationRequested)
        {
            try
            {
                // Open lazily: an idle client keeps no stream retrying against a server that is down.
                if (!await _outbox.Reader.WaitToReadAsync(_stopping.Token).ConfigureAwait(false))
                    return;
            }
            catch (OperationCanceledException)
            {
                return;
            }
            var generation = Interlocked.Increment(ref _generation);
            var answered = await RunStreamAsync(generation).ConfigureAwait(false);
            FailAll(call => call.Generation == generation,
                new RpcException(new Status(StatusCode.Unavailable, "the stream broke before the answer came")));
            delay = answered ? _options.ReconnectMinDelay : delay;
            try
            {
                await Task.Delay(delay, _time, _stopping.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, _options.ReconnectMaxDelay.Ticks));
        }
    }

    /// <summary>Runs one stream until it breaks; true when it delivered at least one answer.</summary>
    private async Task<bool> RunStreamAsync(long generation)
    {
        using var broken = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);
        AsyncDuplexStreamingCall<TRequest, TResponse>? call = null;
        var reader = Task.FromResult(false);
        try
        {
            call = _open(broken.Token);
            reader = ReadAsync(call.ResponseStream, broken);
            await WriteAsync(call.RequestStream, generation, broken.Token).ConfigureAwait(false);
        }
        catch (Exception)
        {
            // Opening, writing or reading failed (or we are stopping): the loop fails this generation's calls
            // and reopens after the back-off.
        }
        broken.Cancel();
        var answered = await reader.ConfigureAwait(false);
        call?.Dispose();
        return answered;
    }

    private async Task WriteAsync(IClientStreamWriter<TRequest> requests, long generation, CancellationToken token)
    {
        while (await _outbox.Reader.WaitToReadAsync(token).ConfigureAwait(false))
        {
            while (_outbox.Reader.TryRead(out var item))
            {
                // A call that already timed out or was cancelled is not sent at all.
                if (!_pending.TryGetValue(item.Id, out var pending))
                    continue;
                pending.Generation = generation;
                // Flush only when nothing else is queued, so a burst leaves in few HTTP/2 frames.
                requests.WriteOptions = _outbox.Reader.TryPeek(out _) ? Buffered : null;
                await requests.WriteAsync(item.Request, token).ConfigureAwait(false);
            }
        }
    }

    private async Task<bool> ReadAsync(IAsyncStreamReader<TResponse> responses, CancellationTokenSource broken)
    {
        var answered = false;
        try
        {
            while (await responses.MoveNext(broken.Token).ConfigureAwait(false))
            {
                answered = true;
                if (_pending.TryGetValue(_idOf(responses.Current), out var pending))
                    pending.Completion.TrySetResult(responses.Current);
            }
        }
        catch (Exception)
        {
            // Read errors end this stream; the writer is stopped below and the calls are failed by the loop.
        }
        broken.Cancel();
        return answered;
    }

    private void FailAll(Func<PendingCall, bool> which, Exception error)
    {
        foreach (var (_, call) in _pending)
        {
            if (which(call))
                call.Completion.TrySetException(error);
        }
    }

    private sealed class PendingCall
    {
        public TaskCompletionSource<TResponse> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>The stream the request went out on; 0 while it waits in the outbox.</summary>
        public long Generation
        {
            get => Interlocked.Read(ref _generation);
            set => Interlocked.Exchange(ref _generation, value);
        }

        private long _generation;
    }
}
