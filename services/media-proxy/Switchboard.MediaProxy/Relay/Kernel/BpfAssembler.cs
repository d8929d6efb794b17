namespace Switchboard.MediaProxy.Relay.Kernel;

/// <summary>
/// Writes eBPF instructions (the kernel's ISA, Documentation/bpf/standardization/instruction-set.rst) with named
/// labels for forward jumps, so a program reads as assembly instead of a table of opcodes. Only what the relay's
/// forwarding program needs.
/// </summary>
internal sealed class BpfAssembler
{
    // Classes, sizes, modes, operations and sources of the opcode byte.
    private const byte ClassLdx = 0x01, ClassStx = 0x03, ClassJmp = 0x05, ClassAlu64 = 0x07, ClassLd = 0x00;
    private const byte ModeImm = 0x00, ModeMem = 0x60, ModeAtomic = 0xc0;
    private const byte SourceImm = 0x00, SourceReg = 0x08;
    private const byte OpAdd = 0x00, OpAnd = 0x50, OpMov = 0xb0;
    private const byte OpCall = 0x80, OpExit = 0x90;
    private const byte PseudoMapFd = 1;

    private readonly List<ulong> _code = [];
    private readonly Dictionary<string, int> _labels = new(StringComparer.Ordinal);
    private readonly List<(int At, string Label)> _jumps = [];

    public void Mov(BpfRegister dst, BpfRegister src) => Emit(ClassAlu64 | OpMov | SourceReg, dst, src, 0, 0);

    public void Mov(BpfRegister dst, int imm) => Emit(ClassAlu64 | OpMov | SourceImm, dst, 0, 0, imm);

    public void Add(BpfRegister dst, int imm) => Emit(ClassAlu64 | OpAdd | SourceImm, dst, 0, 0, imm);

    public void And(BpfRegister dst, int imm) => Emit(ClassAlu64 | OpAnd | SourceImm, dst, 0, 0, imm);

    /// <summary>dst = *(size *)(src + offset).</summary>
    public void Load(BpfSize size, BpfRegister dst, BpfRegister src, short offset) =>
        Emit((byte)(ClassLdx | ModeMem | (byte)size), dst, src, offset, 0);

    /// <summary>*(size *)(dst + offset) = src.</summary>
    public void Store(BpfSize size, BpfRegister dst, short offset, BpfRegister src) =>
        Emit((byte)(ClassStx | ModeMem | (byte)size), dst, src, offset, 0);

    /// <summary>lock *(u64 *)(dst + offset) += src.</summary>
    public void AtomicAdd64(BpfRegister dst, short offset, BpfRegister src) =>
        Emit((byte)(ClassStx | ModeAtomic | (byte)BpfSize.DoubleWord), dst, src, offset, OpAdd);

    /// <summary>dst = the map behind a file descriptor (a two-slot instruction the kernel rewrites to the map's address).</summary>
    public void LoadMap(BpfRegister dst, int mapFd)
    {
        Emit((byte)(ClassLd | ModeImm | (byte)BpfSize.DoubleWord), dst, (BpfRegister)PseudoMapFd, 0, mapFd);
        _code.Add(0);
    }

    /// <summary>if (dst op imm) goto label.</summary>
    public void JumpIf(BpfCondition condition, BpfRegister dst, int imm, string label)
    {
        _jumps.Add((_code.Count, label));
        Emit((byte)(ClassJmp | (byte)condition | SourceImm), dst, 0, 0, imm);
    }

    /// <summary>if (dst op src) goto label.</summary>
    public void JumpIf(BpfCondition condition, BpfRegister dst, BpfRegister src, string label)
    {
        _jumps.Add((_code.Count, label));
        Emit((byte)(ClassJmp | (byte)condition | SourceReg), dst, src, 0, 0);
    }

    public void Call(BpfHelper helper) => Emit(ClassJmp | OpCall, 0, 0, 0, (int)helper);

    public void Exit() => Emit(ClassJmp | OpExit, 0, 0, 0, 0);

    public void Label(string name) => _labels.Add(name, _code.Count);

    /// <summary>The program with every jump resolved (offsets count instructions after the jump).</summary>
    public ulong[] Build()
    {
        var code = _code.ToArray();
        foreach (var (at, label) in _jumps)
        {
            if (!_labels.TryGetValue(label, out var target))
                throw new InvalidOperationException($"eBPF label '{label}' is not defined");
            var offset = checked((short)(target - at - 1));
            code[at] = (code[at] & ~0xFFFF_0000UL) | ((ulong)(ushort)offset << 16);
        }

        return code;
    }

    private void Emit(byte opcode, BpfRegister dst, BpfRegister src, short offset, int imm) =>
        _code.Add(opcode | (ulong)((byte)dst | ((byte)src << 4)) << 8 | (ulong)(ushort)offset << 16 | (ulong)(uint)imm << 32);
}
