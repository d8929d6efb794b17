namespace Switchboard.MediaProxy.Relay.Kernel;

internal enum BpfSize : byte
{
    Word = 0x00,
    Half = 0x08,
    Byte = 0x10,
    DoubleWord = 0x18,
}
