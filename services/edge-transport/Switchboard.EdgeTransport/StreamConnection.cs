using System.Buffers;
using System.IO.Pipelines;
using System.Net;
using Switchboard.Contracts.Sip;
using Switchboard.Sip;

namespace Switchboard.EdgeTransport;

/// <summary>
/// One TCP or TLS connection: a read loop that frames SIP messages with the core's stream framer, and serialized
/// writes. Memory a peer can make us hold is bounded by the parser's maximum message size (the pipe is consumed up to
/// the framing point; an incomplete message larger than the limit is a framing error that closes the connection).
/// </summary>
internal sealed class StreamConnection : IAsyncDisposable
{
    private readonly Stream _stream;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly CancellationTokenSource _closed = new();
    private readonly TimeProvider _time;
    private long _lastActivityTicks;
    private int _disposed;

    public StreamConnection(long id, SipFlow flow, Stream stream, bool incoming, TimeProvider time)
    {
        Id = id;
        Flow = flow;
        _stream = stream;
        Incoming = incoming;
        _time = time;
        Touch();
    }

    public long Id { get; }

    public SipFlow Flow { get; }

    public bool Incoming { get; }

    /// <summary>Parse target reused for every message on this connection (only its read loop touches it).</summary>
    public SipMessage Message { get; } = new();

    /// <summary>Adds received/rport to requests read on this connection (read loop only).</summary>
    public ReceivedViaStamper Stamper => _stamper ??= new ReceivedViaStamper();

    private ReceivedViaStamper? _stamper;

    public IPEndPoint Remote => Flow.Remote;

    public bool IsClosed => _closed.IsCancellationRequested;

    public CancellationToken Closed => _closed.Token;

    public long LastActivityTimestamp => Interlocked.Read(ref _lastActivityTicks);

    public TimeSpan IdleFor(long now) => _time.GetElapsedTime(LastActivityTimestamp, now);

    private void Touch() => Interlocked.Exchange(ref _lastActivityTicks, _time.GetTimestamp());

    /// <summary>Reads until the peer closes, a framing error occurs, or the connection is closed locally.</summary>
    public async Task RunAsync(StreamInbound inbound)
    {
        var reader = PipeReader.Create(_stream, new StreamPipeReaderOptions(bufferSize: 8192, minimumReadSize: 2048, leaveOpen: true));
        try
        {
            while (!_closed.IsCancellationRequested)
            {
                var result = await reader.ReadAsync(_closed.Token).ConfigureAwait(false);
                var buffer = result.Buffer;
                Touch();
                var verdict = inbound.Consume(this, ref buffer);
                reader.AdvanceTo(buffer.Start, buffer.End);
                if (verdict == StreamVerdict.Close || result.IsCompleted)
                {
                    break;
                }
            }
        }
        catch (OperationCanceledException) when (_closed.IsCancellationRequested)
        {
        }
        catch (IOException)
        {
            // Reset by peer, TLS failure: the connection is simply gone.
        }
        catch (ObjectDisposedException)
        {
        }
        finally
        {
            await reader.CompleteAsync().ConfigureAwait(false);
            await DisposeAsync().ConfigureAwait(false);
        }
    }

    public async ValueTask<bool> SendAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        if (IsClosed)
        {
            return false;
        }
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await _stream.WriteAsync(data, cancellationToken).ConfigureAwait(false);
            await _stream.FlushAsync(cancellationToken).ConfigureAwait(false);
            Touch();
            return true;
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or OperationCanceledException)
        {
            _closed.Cancel();
            return false;
        }
        finally
        {
            _writeLock.Release();
        }
    }

    public void Close() => _closed.Cancel();

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }
        _closed.Cancel();
        await _stream.DisposeAsync().ConfigureAwait(false);
        ConnectionDisposed?.Invoke(this);
    }

    /// <summary>Raised once when the connection is gone, so the table can drop it.</summary>
    public event Action<StreamConnection>? ConnectionDisposed;
}

internal enum StreamVerdict
{
    Continue,
    Close,
}
