using Switchboard.Contracts.Registrar;
using Switchboard.Contracts.Routing;
using Switchboard.Sip;
using Switchboard.Sip.Uris;

namespace Switchboard.Signal.Handlers;

/// <summary>
/// The last link until the proxy replaces it: every request gets an answer. ACK is absorbed; unknown methods get
/// 501; a known method for a user gets 404 (no such user), 480 (no registered contact) or 501 (not served yet).
/// </summary>
public sealed class NotYetServedHandler : ISipRequestHandler
{
    private readonly IAddressResolutionService _resolution;
    private readonly IRegistrarService _registrar;

    public NotYetServedHandler(IAddressResolutionService resolution, IRegistrarService registrar)
    {
        ArgumentNullException.ThrowIfNull(resolution);
        ArgumentNullException.ThrowIfNull(registrar);
        _resolution = resolution;
        _registrar = registrar;
    }

    public SipMethod Methods => SipMethod.None;

    public async ValueTask<bool> TryHandleAsync(SipRequestContext context, CancellationToken cancellationToken)
    {
        SipMessage request = context.Request;
        if (context.IsAck)
        {
            return true;
        }

        if (request.Method == SipMethod.Unknown
            || !SipUri.TryParse(request.GetSpan(request.RequestUri), out SipUri? uri)
            || uri.User is not { Length: > 0 } user)
        {
            context.Respond(501);
            return true;
        }

        AddressResolution resolution = await _resolution.ResolveAsync(user, uri.Host.ToLowerInvariant(), cancellationToken).ConfigureAwait(false);
        switch (resolution.Kind)
        {
            case AddressResolutionKind.Rejected:
                context.Respond(resolution.StatusCode is >= 300 and <= 699 ? resolution.StatusCode : 404, resolution.Reason);
                break;
            case AddressResolutionKind.LocalAccount:
                IReadOnlyList<ContactBinding> bindings = await _registrar.LookupAsync(resolution.AddressOfRecord!, cancellationToken).ConfigureAwait(false);
                context.Respond(bindings.Count == 0 ? 480 : 501);
                break;
            default:
                context.Respond(501);
                break;
        }

        return true;
    }
}
