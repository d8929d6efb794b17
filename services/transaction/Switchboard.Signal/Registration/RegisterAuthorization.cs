using Switchboard.Auth.Ntlm;

namespace Switchboard.Signal.Registration;

/// <summary>
/// The outcome of authorizing a REGISTER: whether it may go on (else it has been answered) and, for NTLM, the
/// security association whose keys must sign the response (MS-SIPAE).
/// </summary>
public readonly record struct RegisterAuthorization(bool Allowed, NtlmSecurityContext? Signer = null)
{
    public static RegisterAuthorization Answered => default;
}
