using Switchboard.Sip;

namespace Switchboard.Signal.Handlers;

/// <summary>The handlers in order; the first that takes a request answers it. ACK and CANCEL are always allowed.</summary>
public sealed class SipRequestHandlerChain
{
    private readonly ISipRequestHandler[] _handlers;

    public SipRequestHandlerChain(IEnumerable<ISipRequestHandler> handlers)
    {
        ArgumentNullException.ThrowIfNull(handlers);
        _handlers = handlers.ToArray();
        AllowedMethods = SipMethod.Ack | SipMethod.Cancel;
        foreach (ISipRequestHandler handler in _handlers)
        {
            AllowedMethods |= handler.Methods;
        }
    }

    public SipMethod AllowedMethods { get; }

    public IReadOnlyList<ISipRequestHandler> Handlers => _handlers;

    /// <summary>True when a handler took the request.</summary>
    public async ValueTask<bool> RunAsync(SipRequestContext context, CancellationToken cancellationToken)
    {
        context.AllowedMethods = AllowedMethods;
        foreach (ISipRequestHandler handler in _handlers)
        {
            if (await handler.TryHandleAsync(context, cancellationToken).ConfigureAwait(false))
            {
                return true;
            }
        }

        return false;
    }
}
