using Switchboard.Auth.Digest;

namespace Switchboard.Auth;

/// <summary>
/// Authentication settings. <see cref="AdvertiseDigest"/> and <see cref="AdvertiseNtlm"/> are the
/// manual's "Advertise Digest AUTH" and "Advertise NTLM AUTH" switches.
/// </summary>
public sealed class AuthenticationOptions
{
    public bool AdvertiseDigest { get; set; } = true;

    public bool AdvertiseNtlm { get; set; }

    public bool AllowBasic { get; set; }

    /// <summary>Basic sends the password in clear: accept it only when the caller says the transport is TLS.</summary>
    public bool BasicRequiresTls { get; set; } = true;

    /// <summary>Algorithms offered (one challenge each, in this order) and accepted.</summary>
    public IList<DigestAlgorithm> DigestAlgorithms { get; set; } = [DigestAlgorithm.Sha256, DigestAlgorithm.Md5];

    /// <summary>How long a nonce is good for before the answer is stale=true.</summary>
    public TimeSpan NonceLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// HMAC key for nonces. Give every instance of a service the same key so any of them can verify;
    /// when null a random key is drawn at start (nonces then die with the process).
    /// </summary>
    public byte[]? NonceSecret { get; set; }

    /// <summary>Most nonces whose nonce-count is remembered; the oldest is evicted (and becomes stale).</summary>
    public int NonceTableCapacity { get; set; } = 100_000;

    /// <summary>Accept RFC 2069 digests (no qop, no nc) from old clients.</summary>
    public bool AllowRfc2069 { get; set; }

    /// <summary>When RFC 2069 digests are accepted, accept each nonce only once (recommended).</summary>
    public bool Rfc2069SingleUse { get; set; } = true;

    /// <summary>The MS-SIPAE realm; clients compare it literally.</summary>
    public string NtlmRealm { get; set; } = "SIP Communications Service";

    /// <summary>The server's FQDN, sent as targetname.</summary>
    public string NtlmTargetName { get; set; } = "localhost";

    /// <summary>The NetBIOS domain name sent in the NTLM CHALLENGE target info.</summary>
    public string NtlmDomain { get; set; } = "SWITCHBOARD";

    public int NtlmVersion { get; set; } = 3;

    public int NtlmMaxSecurityAssociations { get; set; } = 10_000;

    /// <summary>How long a half-open NTLM handshake (after NEGOTIATE) waits for AUTHENTICATE.</summary>
    public TimeSpan NtlmHandshakeLifetime { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long an established NTLM security association lives without a signed message (MS-SIPAE SA).</summary>
    public TimeSpan NtlmSecurityAssociationIdleLifetime { get; set; } = TimeSpan.FromHours(8);
}
