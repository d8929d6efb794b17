using Switchboard.MediaProxy.Sdp;

namespace Switchboard.MediaProxy.Relay;

/// <summary>
/// One side of the dialog, named by its tag (the caller's From-tag, the callee's To-tag). Keeps its last SDP
/// in and out so a retransmission gets the same answer. Guarded by the owning session's gate.
/// </summary>
internal sealed class MediaLeg(bool isCaller)
{
    public bool IsCaller { get; } = isCaller;
    /// <summary>Null for the callee until the first answer names it.</summary>
    public string? Tag { get; set; }
    public byte[]? LastSdp { get; private set; }
    public byte[]? LastOutput { get; private set; }
    public SdpDocument? LastDocument { get; private set; }

    public void Remember(byte[] sdp, SdpDocument document, byte[] output)
    {
        LastSdp = sdp;
        LastDocument = document;
        LastOutput = output;
    }

    public void Forget()
    {
        LastSdp = null;
        LastDocument = null;
        LastOutput = null;
    }
}
