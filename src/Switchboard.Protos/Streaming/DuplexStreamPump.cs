using System.Threading.Channels;
using Grpc.Core;

namespace Switchboard.Protos.Streaming;

/// <summary>
/// Server side of a correlated bidirectional stream: reads requests, answers up to <c>maxConcurrency</c> of
/// them at once (answers may leave out of order; the correlation id matches them), and writes the answers
/// from one loop, flushing only when no further answer is ready so bursts leave in few frames.
/// </summary>
public static class DuplexStreamPump
{
    public static async Task RunAsync<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requests,
        IServerStreamWriter<TResponse> responses,
        Func<TRequest, CancellationToken, ValueTask<TResponse>> handle,
        Func<TRequest, Exception, TResponse> onError,
        int maxConcurrency,
        CancellationToken cancellationToken)
    {
        var outbox = Channel.CreateUnbounded<TResponse>(new UnboundedChannelOptions { SingleReader = true });
        var writer = WriteAllAsync(outbox.Reader, responses, cancellationToken);
        using var slots = new SemaphoreSlim(maxConcurrency, maxConcurrency);
        try
        {
            while (await requests.MoveNext(cancellationToken).ConfigureAwait(false))
            {
                var request = requests.Current;
                await slots.WaitAsync(cancellationToken).ConfigureAwait(false);
                _ = Task.Run(() => AnswerAsync(request, handle, onError, outbox.Writer, slots, cancellationToken), CancellationToken.None);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The client left or the host is stopping: end the stream normally; the client reconnects.
        }
        finally
        {
            // Let the requests in flight finish (each handler is bounded by its own work), then end the writer.
            for (var i = 0; i < maxConcurrency; i++)
                await slots.WaitAsync(CancellationToken.None).ConfigureAwait(false);
            outbox.Writer.TryComplete();
            await writer.ConfigureAwait(false);
        }
    }

    private static async Task AnswerAsync<TRequest, TResponse>(
        TRequest request,
        Func<TRequest, CancellationToken, ValueTask<TResponse>> handle,
        Func<TRequest, Exception, TResponse> onError,
        ChannelWriter<TResponse> outbox,
        SemaphoreSlim slots,
        CancellationToken cancellationToken)
    {
        try
        {
            TResponse response;
            try
            {
                response = await handle(request, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception error) when (!cancellationToken.IsCancellationRequested)
            {
                response = onError(request, error);
            }
            outbox.TryWrite(response);
        }
        catch (OperationCanceledException)
        {
            // The call is over; nobody is left to answer.
        }
        finally
        {
            slots.Release();
        }
    }

    private static async Task WriteAllAsync<TResponse>(
        ChannelReader<TResponse> outbox, IServerStreamWriter<TResponse> responses, CancellationToken cancellationToken)
    {
        var buffered = new WriteOptions(WriteFlags.BufferHint);
        try
        {
            while (await outbox.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            {
                while (outbox.TryRead(out var response))
                {
                    responses.WriteOptions = outbox.TryPeek(out _) ? buffered : null;
                    await responses.WriteAsync(response, cancellationToken).ConfigureAwait(false);
                }
            }
        }
        catch (Exception) when (cancellationToken.IsCancellationRequested)
        {
            // The client went away; answers still queued have no reader.
        }
    }
}
