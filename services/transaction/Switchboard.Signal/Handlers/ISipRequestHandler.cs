using Switchboard.Sip;

namespace Switchboard.Signal.Handlers;

/// <summary>
/// One link of the request handler chain (OPTIONS to us, REGISTER, later the proxy). Handlers run on the
/// transaction workers, in registration order; the first that takes a request answers it.
/// </summary>
public interface ISipRequestHandler
{
    /// <summary>The methods this handler serves, listed in Allow (a handler that only refuses lists none).</summary>
    SipMethod Methods { get; }

    /// <summary>False: not mine, ask the next handler. True: handled (answered, or kept to answer later).</summary>
    ValueTask<bool> TryHandleAsync(SipRequestContext context, CancellationToken cancellationToken);
}
