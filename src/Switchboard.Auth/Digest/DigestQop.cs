namespace Switchboard.Auth.Digest;

/// <summary>The qop of a Digest answer: none (RFC 2069 form), auth, auth-int, or a value we do not serve.</summary>
internal enum DigestQop
{
    None,
    Auth,
    AuthInt,
    Unsupported,
}
