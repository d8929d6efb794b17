namespace Switchboard.Auth.Ntlm;

public enum NtlmMessageType
{
    Unknown = 0,
    Negotiate = 1,
    Challenge = 2,
    Authenticate = 3,
}
