namespace Switchboard.MediaProxy.Relay.Kernel;

/// <summary>A bpf(2) call the kernel refused; <see cref="Errno"/> tells why (EPERM: no CAP_BPF/CAP_NET_ADMIN).</summary>
public sealed class BpfException(string message, int errno) : Exception(message)
{
    public int Errno { get; } = errno;
}
