using Switchboard.Contracts.Sip;

namespace Switchboard.Locating;

/// <summary>RFC 3263 §4: the ordered (transport, IP, port) list for a SIP URI. Empty when nothing resolves.</summary>
public interface ISipServerLocator
{
    Task<IReadOnlyList<SipServerTarget>> LocateAsync(SipUriTarget target, CancellationToken cancellationToken = default);
}
