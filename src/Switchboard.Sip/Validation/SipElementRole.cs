namespace Switchboard.Sip.Validation;

/// <summary>The role in which the element answers; RFC 4475 expects different codes per role.</summary>
public enum SipElementRole : byte
{
    /// <summary>Will forward the request: checks Proxy-Require, answers 483 at Max-Forwards 0.</summary>
    Proxy = 0,
    /// <summary>Handles REGISTER itself: checks Require; the To of a REGISTER must be a SIP or SIPS URI.</summary>
    Registrar = 1,
    /// <summary>Endpoint: checks Require; answers 501 to unknown methods.</summary>
    UserAgentServer = 2,
}
