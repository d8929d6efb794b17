namespace Switchboard.Auth;

/// <summary>Who challenges: a registrar (or UAS) answers 401, a proxy answers 407 (RFC 3261 §22.2, §22.3).</summary>
public enum AuthRole
{
    Registrar,
    Proxy,
}
