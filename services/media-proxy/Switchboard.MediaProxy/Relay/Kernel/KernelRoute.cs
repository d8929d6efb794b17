using System.Net;

namespace Switchboard.MediaProxy.Relay.Kernel;

/// <summary>Where the kernel sends a forwarded packet: its source address, the interface and the hand-over.</summary>
internal sealed record KernelRoute(IPAddress Source, int InterfaceIndex, uint Handover);
