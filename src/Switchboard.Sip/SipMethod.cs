namespace Switchboard.Sip;

/// <summary>SIP request methods. Flags so that sets of methods (Allow, routing rules) are a single value.</summary>
[Flags]
public enum SipMethod : uint
{
    None = 0,
    Invite = 1 << 0,
    Ack = 1 << 1,
    Bye = 1 << 2,
    Cancel = 1 << 3,
    Options = 1 << 4,
    Register = 1 << 5,
    Message = 1 << 6,
    Subscribe = 1 << 7,
    Notify = 1 << 8,
    Publish = 1 << 9,
    Refer = 1 << 10,
    Info = 1 << 11,
    Update = 1 << 12,
    Prack = 1 << 13,
    /// <summary>A token that names no known method; the raw bytes stay in the message (<see cref="SipMessage.MethodRange"/>).</summary>
    Unknown = 1 << 14,
}
