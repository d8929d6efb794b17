namespace Switchboard.Contracts.Media;

/// <summary>An SDP offer (or re-offer) from the leg <paramref name="FromTag"/>, to be sent towards <paramref name="Towards"/>.</summary>
public sealed record MediaOffer(string CallId, string FromTag, ReadOnlyMemory<byte> Sdp, MediaNetwork Towards);
