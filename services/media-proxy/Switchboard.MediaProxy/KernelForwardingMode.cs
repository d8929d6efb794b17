namespace Switchboard.MediaProxy;

/// <summary>Whether latched streams are relayed inside the kernel (an eBPF tc program), as rtpengine's kernel module does.</summary>
public enum KernelForwardingMode
{
    /// <summary>Every packet goes through the user-space relay.</summary>
    Off,
    /// <summary>Forward in the kernel when it can be loaded (Linux 6.6+, CAP_BPF and CAP_NET_ADMIN); else stay in user space.</summary>
    Auto,
    /// <summary>As Auto, but the relay does not start without it.</summary>
    Required,
}
