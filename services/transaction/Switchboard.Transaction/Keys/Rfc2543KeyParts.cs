namespace Switchboard.Transaction.Keys;

/// <summary>The RFC 2543 matching fields (RFC 3261 §17.2.3), kept off the struct so keys stay small.</summary>
internal sealed class Rfc2543KeyParts : IEquatable<Rfc2543KeyParts>
{
    public Rfc2543KeyParts(string requestUri, string toTag, string fromTag, string callId, uint cseq, string topVia)
    {
        RequestUri = requestUri;
        ToTag = toTag;
        FromTag = fromTag;
        CallId = callId;
        CSeq = cseq;
        TopVia = topVia;
    }

    public string RequestUri { get; }
    public string ToTag { get; }
    public string FromTag { get; }
    public string CallId { get; }
    public uint CSeq { get; }
    public string TopVia { get; }

    public bool Equals(Rfc2543KeyParts? other) =>
        other is not null
        && CSeq == other.CSeq
        && string.Equals(CallId, other.CallId, StringComparison.Ordinal)
        && string.Equals(FromTag, other.FromTag, StringComparison.Ordinal)
        && string.Equals(ToTag, other.ToTag, StringComparison.Ordinal)
        && string.Equals(RequestUri, other.RequestUri, StringComparison.Ordinal)
        && string.Equals(TopVia, other.TopVia, StringComparison.Ordinal);

    public override bool Equals(object? obj) => Equals(obj as Rfc2543KeyParts);

    public override int GetHashCode() => HashCode.Combine(CallId, CSeq, FromTag, ToTag, RequestUri, TopVia);
}
