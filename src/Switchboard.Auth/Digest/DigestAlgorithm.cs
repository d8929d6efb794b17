namespace Switchboard.Auth.Digest;

/// <summary>Digest algorithms of RFC 7616 §3.3 that SIP uses (RFC 8760).</summary>
public enum DigestAlgorithm
{
    Md5,
    Md5Sess,
    Sha256,
    Sha256Sess,
}
