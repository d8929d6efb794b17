namespace Switchboard.Proxy.Media;

/// <summary>
/// A branch's responses, passed through the media rewrite in arrival order: a 180 that arrives while the 183
/// before it waits for the relay waits too. Lock-free: each response chains onto the previous one's completion.
/// </summary>
internal sealed class BranchMedia(ContextMedia context, MediaBranchPlan plan, Action<int, ReadOnlyMemory<byte>> deliver)
{
    private Task _tail = Task.CompletedTask;

    public MediaBranchPlan Plan { get; } = plan;

    public void OnResponse(int statusCode, ReadOnlyMemory<byte> response)
    {
        var done = new TaskCompletionSource();
        Task previous = Interlocked.Exchange(ref _tail, done.Task);
        _ = DeliverAsync(previous, done, statusCode, response);
    }

    private async Task DeliverAsync(Task previous, TaskCompletionSource done, int statusCode, ReadOnlyMemory<byte> response)
    {
        try
        {
            if (!previous.IsCompleted)
            {
                response = response.ToArray();
                await previous.ConfigureAwait(false);
            }

            ReadOnlyMemory<byte> output = response;
            try
            {
                output = await context.RewriteResponseAsync(Plan, statusCode, response).ConfigureAwait(false) ?? response;
            }
            catch (Exception e)
            {
                context.ReportFailure(e); // the response still goes on, unchanged
                output = response.ToArray();
            }

            deliver(statusCode, output);
        }
        finally
        {
            done.SetResult();
        }
    }
}
