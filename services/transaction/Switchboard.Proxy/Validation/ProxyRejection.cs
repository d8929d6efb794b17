namespace Switchboard.Proxy.Validation;

/// <summary>A request the proxy answers itself instead of forwarding: status, reason and extra header lines.</summary>
public sealed record ProxyRejection(int StatusCode, string Reason, IReadOnlyList<KeyValuePair<string, string>>? Headers = null);
