namespace Switchboard.Auth;

/// <summary>
/// What the authenticator needs from a request: the values of every Authorization (registrar role) or
/// Proxy-Authorization (proxy role) header, method, Request-URI text and body.
/// </summary>
/// <param name="Realm">The domain the request is for.</param>
/// <param name="TransportIsSecure">True when the request arrived over TLS or WSS.</param>
/// <param name="Signed">What an MS-SIPAE (NTLM) signature covers; without it signed NTLM requests are refused.</param>
public sealed record AuthRequest(
    IReadOnlyList<string> CredentialValues,
    string Method,
    string RequestUri,
    ReadOnlyMemory<byte> Body,
    string Realm,
    bool TransportIsSecure,
    Ntlm.SipSignatureFields? Signed = null);
