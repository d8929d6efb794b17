using static Switchboard.MediaProxy.Relay.Kernel.BpfRegister;

namespace Switchboard.MediaProxy.Relay.Kernel;

/// <summary>
/// The tc ingress program that relays a latched stream inside the kernel, as rtpengine's kernel module does with
/// an iptables target: an IPv4/UDP packet whose (source, source port, destination port) is in the map gets the
/// rule's addresses and ports, one hop less TTL, checksums fixed incrementally and its counters added; then it goes
/// up this host's stack to the other leg's socket, or out of the rule's interface to the next hop.
/// Anything else goes on to the next program and the normal stack (the user-space relay).
/// Packet offsets are from the Ethernet header (loopback has one too).
/// </summary>
internal static class ForwardingProgram
{
    private const short EtherType = 12, IpVersionAndLength = 14, IpFragment = 20, IpTtl = 22, IpProtocol = 23;
    private const short IpChecksum = 24, IpSource = 26, IpDestination = 30, UdpPorts = 34, UdpChecksum = 40;
    private const int HeadersLength = 42;
    private const short SkbLength = 0, SkbData = 76, SkbDataEnd = 80; // struct __sk_buff
    private const int EtherTypeIpv4LoadedLittleEndian = 0x0008; // 0x0800 in network order
    private const int FragmentMaskLoadedLittleEndian = 0xFF3F;  // More Fragments + offset (0x3FFF) in network order
    private const int FlagPseudoHeader = 0x10, FlagMarkMangledZero = 0x20; // BPF_F_PSEUDO_HDR, BPF_F_MARK_MANGLED_0
    private const int TcxPass = 0;                                         // TC_ACT_OK: on to the stack now
    private const int TcxNext = -1;                                        // TC_ACT_UNSPEC: next program, then the stack

    // Stack slots below the frame pointer.
    private const short Key = -8;           // 8 bytes: saddr, sport, dport
    private const short OldAddresses = -16; // 8 bytes: saddr, daddr
    private const short OldPorts = -24;     // 4 bytes: sport, dport
    private const short OldTtlWord = -32;   // TTL and protocol as one 16-bit word
    private const short NewTtlWord = -40;

    public static ulong[] Build(int mapFd)
    {
        var a = new BpfAssembler();
        a.Mov(R6, R1); // skb, kept across helper calls
        a.Load(BpfSize.Word, R2, R6, SkbData);
        a.Load(BpfSize.Word, R3, R6, SkbDataEnd);
        a.Mov(R4, R2);
        a.Add(R4, HeadersLength);
        a.JumpIf(BpfCondition.Greater, R4, R3, "pass");
        a.Load(BpfSize.Half, R4, R2, EtherType);
        a.JumpIf(BpfCondition.NotEqual, R4, EtherTypeIpv4LoadedLittleEndian, "pass");
        a.Load(BpfSize.Byte, R4, R2, IpVersionAndLength);
        a.JumpIf(BpfCondition.NotEqual, R4, 0x45, "pass"); // IPv4 without options; the rest stays in user space
        a.Load(BpfSize.Byte, R4, R2, IpProtocol);
        a.JumpIf(BpfCondition.NotEqual, R4, 17, "pass");
        a.Load(BpfSize.Half, R4, R2, IpFragment);
        a.And(R4, FragmentMaskLoadedLittleEndian);
        a.JumpIf(BpfCondition.NotEqual, R4, 0, "pass");
        a.Load(BpfSize.Byte, R4, R2, IpTtl);
        a.JumpIf(BpfCondition.LessOrEqual, R4, 1, "pass"); // a forwarding loop ends here, not in the kernel

        // Key and the old header fields, copied to the stack before any helper invalidates packet pointers.
        a.Load(BpfSize.Word, R4, R2, IpSource);
        a.Store(BpfSize.Word, R10, Key, R4);
        a.Store(BpfSize.Word, R10, OldAddresses, R4);
        a.Load(BpfSize.Word, R4, R2, IpDestination);
        a.Store(BpfSize.Word, R10, OldAddresses + 4, R4);
        a.Load(BpfSize.Word, R4, R2, UdpPorts);
        a.Store(BpfSize.Word, R10, Key + 4, R4);
        a.Store(BpfSize.Word, R10, OldPorts, R4);
        a.Load(BpfSize.Half, R4, R2, IpTtl);
        a.Store(BpfSize.DoubleWord, R10, OldTtlWord, R4);
        a.Add(R4, -1); // TTL is the word's first byte, the low one as loaded: minus one hop, no borrow (TTL > 1)
        a.Store(BpfSize.DoubleWord, R10, NewTtlWord, R4);

        a.LoadMap(R1, mapFd);
        a.Mov(R2, R10);
        a.Add(R2, Key);
        a.Call(BpfHelper.MapLookupElem);
        a.JumpIf(BpfCondition.Equal, R0, 0, "pass");
        a.Mov(R7, R0); // the rule

        // Addresses: one difference for the IP header checksum and the UDP pseudo-header.
        CsumDiff(a, OldAddresses, ForwardingRule.NewAddresses, 8);
        a.Mov(R8, R0);
        CsumReplace(a, BpfHelper.L3CsumReplace, IpChecksum, R8, 0);
        CsumReplace(a, BpfHelper.L4CsumReplace, UdpChecksum, R8, FlagPseudoHeader | FlagMarkMangledZero);
        // Ports: covered by the UDP checksum only.
        CsumDiff(a, OldPorts, ForwardingRule.NewPorts, 4);
        a.Mov(R8, R0);
        CsumReplace(a, BpfHelper.L4CsumReplace, UdpChecksum, R8, FlagMarkMangledZero);
        // TTL: the IP header checksum, replacing one 16-bit word.
        a.Mov(R1, R6);
        a.Mov(R2, IpChecksum);
        a.Load(BpfSize.DoubleWord, R3, R10, OldTtlWord);
        a.Load(BpfSize.DoubleWord, R4, R10, NewTtlWord);
        a.Mov(R5, 2);
        a.Call(BpfHelper.L3CsumReplace);

        StoreBytes(a, IpSource, R7, ForwardingRule.NewAddresses, 8);
        StoreBytes(a, UdpPorts, R7, ForwardingRule.NewPorts, 4);
        StoreBytes(a, IpTtl, R10, NewTtlWord, 1);

        a.Mov(R1, 1);
        a.AtomicAdd64(R7, ForwardingRule.Packets, R1);
        a.Load(BpfSize.Word, R1, R6, SkbLength);
        a.Add(R1, -HeadersLength); // UDP payload, as the user-space relay counts
        a.AtomicAdd64(R7, ForwardingRule.Bytes, R1);

        a.Load(BpfSize.Word, R1, R7, ForwardingRule.InterfaceIndex);
        a.Load(BpfSize.Word, R2, R7, ForwardingRule.Handover);
        a.JumpIf(BpfCondition.Equal, R2, (int)ForwardingRule.SendToNeighbour, "neighbour");
        a.Mov(R0, TcxPass); // for this host: up the stack with the new header (a looped-back packet keeps its local route)
        a.Exit();

        a.Label("neighbour");
        a.Mov(R2, 0); // no next-hop parameters: the kernel's FIB and neighbour table decide
        a.Mov(R3, 0);
        a.Mov(R4, 0);
        a.Call(BpfHelper.RedirectNeigh);
        a.Exit();

        a.Label("pass");
        a.Mov(R0, TcxNext);
        a.Exit();
        return a.Build();
    }

    /// <summary>R0 = bpf_csum_diff(old bytes on the stack, new bytes in the rule).</summary>
    private static void CsumDiff(BpfAssembler a, short oldSlot, short ruleOffset, int size)
    {
        a.Mov(R1, R10);
        a.Add(R1, oldSlot);
        a.Mov(R2, size);
        a.Mov(R3, R7);
        a.Add(R3, ruleOffset);
        a.Mov(R4, size);
        a.Mov(R5, 0);
        a.Call(BpfHelper.CsumDiff);
    }

    /// <summary>Applies a checksum difference to the field at <paramref name="offset"/> (size 0 = "by difference").</summary>
    private static void CsumReplace(BpfAssembler a, BpfHelper helper, short offset, BpfRegister difference, int flags)
    {
        a.Mov(R1, R6);
        a.Mov(R2, offset);
        a.Mov(R3, 0);
        a.Mov(R4, difference);
        a.Mov(R5, flags);
        a.Call(helper);
    }

    private static void StoreBytes(BpfAssembler a, short packetOffset, BpfRegister source, short sourceOffset, int size)
    {
        a.Mov(R1, R6);
        a.Mov(R2, packetOffset);
        a.Mov(R3, source);
        a.Add(R3, sourceOffset);
        a.Mov(R4, size);
        a.Mov(R5, 0);
        a.Call(BpfHelper.SkbStoreBytes);
    }
}
