namespace Switchboard.MediaProxy.Relay.Kernel;

internal enum BpfCondition : byte
{
    Equal = 0x10,
    Greater = 0x20,
    NotEqual = 0x50,
    LessOrEqual = 0xb0,
}
