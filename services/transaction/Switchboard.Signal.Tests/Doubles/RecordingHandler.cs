using Switchboard.Signal.Handlers;
using Switchboard.Sip;

namespace Switchboard.Signal.Tests.Doubles;

/// <summary>
/// Records requests of the given methods; takes them without answering (like a proxy waiting for the callee), or
/// with <paramref name="passThrough"/> leaves them to the next handler.
/// </summary>
internal sealed class RecordingHandler(SipMethod methods, bool passThrough = false) : ISipRequestHandler
{
    private readonly List<SipRequestContext> _seen = [];

    public SipMethod Methods => methods;

    public IReadOnlyList<SipRequestContext> Seen
    {
        get { lock (_seen) return _seen.ToArray(); }
    }

    public ValueTask<bool> TryHandleAsync(SipRequestContext context, CancellationToken cancellationToken)
    {
        if ((context.Request.Method & methods) == 0)
        {
            return ValueTask.FromResult(false);
        }

        lock (_seen) _seen.Add(context);
        return ValueTask.FromResult(!passThrough);
    }
}
