using Switchboard.Contracts.Sip;

namespace Switchboard.Proxy.Media;

/// <summary>
/// A relayed, confirmed dialog as a BYE sender sees it (RFC 3261 §12): per side the remote target (Contact URI), the
/// route set beyond us and the flow or next hop, both tagged From/To values, and the highest CSeq each side has
/// used. Our BYEs take that + 1 (a UAS accepts any higher number, §12.2.2). CSeq fields are updated with
/// <see cref="Interlocked"/>; everything else is immutable.
/// </summary>
internal sealed class ByeDialog(CallerLeg caller, string calleeTag, string calleeTo, string calleeContact, string[] calleeRoutes, SendTarget calleeTarget)
{
    private long _callerCSeq = caller.CSeq;
    private long _calleeCSeq;

    public string CallId => Caller.CallId;

    public CallerLeg Caller { get; } = caller;

    public string CalleeTag { get; } = calleeTag;

    /// <summary>The 2xx's To value (callee's tag included).</summary>
    public string CalleeTo { get; } = calleeTo;

    public string CalleeContact { get; } = calleeContact;

    /// <summary>The caller's route set beyond us: the 2xx's Record-Route values above ours, reversed.</summary>
    public string[] CalleeRoutes { get; } = calleeRoutes;

    /// <summary>Where the INVITE went: the callee's flow or address, or the next proxy.</summary>
    public SendTarget CalleeTarget { get; } = calleeTarget;

    /// <summary>An in-dialog request passed through us: its side's CSeq may have grown.</summary>
    public void Saw(string fromTag, uint cseq)
    {
        ref long field = ref fromTag == CalleeTag ? ref _calleeCSeq : ref _callerCSeq;
        long seen;
        while (cseq > (seen = Interlocked.Read(ref field)) && Interlocked.CompareExchange(ref field, cseq, seen) != seen)
        {
        }
    }

    /// <summary>The CSeq of a BYE sent on the caller's behalf (towards the callee).</summary>
    public uint NextCallerCSeq => (uint)Math.Min(uint.MaxValue, Interlocked.Read(ref _callerCSeq) + 1);

    /// <summary>The CSeq of a BYE sent on the callee's behalf (towards the caller).</summary>
    public uint NextCalleeCSeq => (uint)Math.Min(uint.MaxValue, Interlocked.Read(ref _calleeCSeq) + 1);
}
