using Switchboard.Sip;
using Switchboard.Sip.Headers;

namespace Switchboard.Signal;

/// <summary>
/// The To tag of our responses, derived from the request (Call-ID, From tag, top Via branch, CSeq number) so a
/// retransmitted request answered statelessly, the 487 to an INVITE and the 200 to its CANCEL all carry the
/// same tag. HashCode is seeded per process, so tags cannot be predicted from outside.
/// </summary>
internal static class ToTags
{
    public const int Length = 16;

    public static byte[] Compute(SipMessage request)
    {
        byte[] tag = new byte[Length];
        Compute(request, tag);
        return tag;
    }

    /// <summary>Writes the tag into <paramref name="tag"/> (at least <see cref="Length"/> bytes), allocating nothing.</summary>
    public static void Compute(SipMessage request, Span<byte> tag)
    {
        ReadOnlySpan<byte> buffer = request.Span;
        var high = new HashCode();
        var low = new HashCode();
        if (request.TryGetCallId(out SipRange callId))
        {
            high.AddBytes(callId.Of(buffer));
        }

        if (request.TryGetFrom(out SipNameAddress from))
        {
            low.AddBytes(from.GetTag(buffer).Of(buffer));
        }

        if (request.TryGetVia(out SipVia via))
        {
            high.AddBytes(via.Branch.Of(buffer));
        }

        if (request.TryGetCSeq(out SipCSeq cseq))
        {
            low.Add(cseq.Number);
        }

        low.Add(high.ToHashCode());
        ulong value = ((ulong)(uint)high.ToHashCode() << 32) | (uint)low.ToHashCode();
        for (int i = Length - 1; i >= 0; i--, value >>= 4)
        {
            tag[i] = (byte)"0123456789abcdef"[(int)(value & 0xF)];
        }
    }
}
