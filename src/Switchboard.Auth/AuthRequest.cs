namespace Switchboard.Auth;

/// <summary>
/// What the authenticator needs from a request: the values of every Authorization (registrar role) or
/// Proxy-Authorization (proxy role) header, method, Request-URI text and body.
/// </summary>
/// <remarks>
/// A host holding the received bytes sets <see cref="CredentialBytes"/> instead (and passes no strings): Digest is then
/// checked on the bytes themselves, without decoding the values to strings.
/// </remarks>
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
    Ntlm.SipSignatureFields? Signed = null)
{
    /// <summary>The credential values as received (UTF-8); when set they are checked instead of <see cref="CredentialValues"/>.</summary>
    public IReadOnlyList<ReadOnlyMemory<byte>>? CredentialBytes { get; init; }
}
