using Switchboard.Contracts.Sip;
using Switchboard.Sip.Uris;

namespace Switchboard.Proxy.Targets;

/// <summary>
/// One element of the target set (RFC 3261 §16.5): the Request-URI of its branch, its q, and how to reach it —
/// over <see cref="Flow"/> when the device is behind NAT or keeps a connection to us (RFC 5626), through
/// <see cref="Path"/> (RFC 3327) when registered through an edge proxy, else by the URI (RFC 3263).
/// </summary>
public sealed record ProxyTarget(SipUri RequestUri, int QThousandths, SipFlow? Flow, IReadOnlyList<string> Path)
{
    public static ProxyTarget ForUri(SipUri uri) => new(uri, 1000, null, []);
}
