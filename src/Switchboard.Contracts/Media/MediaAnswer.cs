namespace Switchboard.Contracts.Media;

/// <summary>
/// An SDP answer from the leg <paramref name="ToTag"/> to the offer of <paramref name="FromTag"/>. The tags name
/// offerer and answerer, not the From/To headers of the message that carries the body.
/// </summary>
public sealed record MediaAnswer(string CallId, string FromTag, string ToTag, ReadOnlyMemory<byte> Sdp, MediaNetwork Towards);
