using System.Text;

namespace Switchboard.Transaction.Keys;

/// <summary>
/// Identifies a transaction. The glue computes the values from a parsed message once per
/// transaction; the key keeps string copies so it outlives the receive buffer.
/// </summary>
public readonly struct TransactionKey : IEquatable<TransactionKey>
{
    /// <summary>RFC 3261 §8.1.1.7: branches of compliant elements start with this.</summary>
    public const string MagicCookie = "z9hG4bK";

    private static ReadOnlySpan<byte> MagicCookieUtf8 => "z9hG4bK"u8;

    private readonly string? _branch;
    private readonly string? _sentByHost;
    private readonly string? _method;
    private readonly Rfc2543KeyParts? _legacy;
    private readonly int _sentByPort;
    private readonly int _hash;

    private TransactionKey(TransactionKeyKind kind, string? branch, string? host, int port, string method, Rfc2543KeyParts? legacy)
    {
        Kind = kind;
        _branch = branch;
        _sentByHost = host;
        _sentByPort = port;
        _method = method;
        _legacy = legacy;
        // Computed once: the table hashes each key twice (shard, then dictionary bucket).
        // String hashes are randomised per process, so crafted branches cannot flood one shard.
        var hostHash = host is null ? 0 : StringComparer.OrdinalIgnoreCase.GetHashCode(host);
        _hash = HashCode.Combine(kind, branch, hostHash, port, method, legacy);
    }

    /// <summary>How the key was formed.</summary>
    public TransactionKeyKind Kind { get; }

    /// <summary>The Via branch (empty for RFC 2543 keys).</summary>
    public string Branch => _branch ?? string.Empty;

    /// <summary>The sent-by host of the top Via (server branch keys only).</summary>
    public string SentByHost => _sentByHost ?? string.Empty;

    /// <summary>The sent-by port of the top Via as the glue resolved it (server branch keys only).</summary>
    public int SentByPort => _sentByPort;

    /// <summary>The matching method: ACK is folded into INVITE for server keys.</summary>
    public string Method => _method ?? string.Empty;

    /// <summary>Whether a branch carries the RFC 3261 magic cookie.</summary>
    public static bool HasMagicCookie(ReadOnlySpan<char> branch) => branch.StartsWith(MagicCookie, StringComparison.Ordinal);

    /// <summary>Whether a branch (UTF-8 bytes) carries the RFC 3261 magic cookie.</summary>
    public static bool HasMagicCookie(ReadOnlySpan<byte> branch) => branch.StartsWith(MagicCookieUtf8);

    /// <summary>
    /// Server key per RFC 3261 §17.2.3 for a branch with the magic cookie. ACK maps to INVITE so the
    /// ACK for a non-2xx finds its INVITE server transaction; CANCEL keeps its own method.
    /// </summary>
    /// <exception cref="ArgumentException">The branch lacks the magic cookie: use <see cref="ForRfc2543"/>.</exception>
    public static TransactionKey ForServer(string branch, string sentByHost, int sentByPort, string method)
    {
        ArgumentNullException.ThrowIfNull(branch);
        ArgumentNullException.ThrowIfNull(sentByHost);
        ArgumentException.ThrowIfNullOrEmpty(method);
        if (!HasMagicCookie(branch))
            throw new ArgumentException("The branch lacks the z9hG4bK cookie; build an RFC 2543 key instead.", nameof(branch));
        return new TransactionKey(TransactionKeyKind.ServerBranch, branch, sentByHost, sentByPort, FoldAck(method), null);
    }

    /// <summary>Server key from UTF-8 header values (copied to strings).</summary>
    public static TransactionKey ForServer(ReadOnlySpan<byte> branch, ReadOnlySpan<byte> sentByHost, int sentByPort, ReadOnlySpan<byte> method) =>
        ForServer(Encoding.UTF8.GetString(branch), Encoding.UTF8.GetString(sentByHost), sentByPort, Encoding.UTF8.GetString(method));

    /// <summary>
    /// Server key for an RFC 2543 request (branch missing or without the cookie): Request-URI,
    /// From tag, Call-ID, CSeq number, top Via, method, and the To tag except for INVITE/ACK
    /// (the INVITE carries no To tag while its ACK carries the tag of our response).
    /// The glue passes the values normalised (e.g. the top Via without whitespace differences).
    /// </summary>
    public static TransactionKey ForRfc2543(
        string requestUri, string? toTag, string? fromTag, string callId, uint cseq, string topVia, string method)
    {
        ArgumentNullException.ThrowIfNull(requestUri);
        ArgumentNullException.ThrowIfNull(callId);
        ArgumentNullException.ThrowIfNull(topVia);
        ArgumentException.ThrowIfNullOrEmpty(method);
        var folded = FoldAck(method);
        var tag = folded == "INVITE" ? string.Empty : toTag ?? string.Empty;
        var parts = new Rfc2543KeyParts(requestUri, tag, fromTag ?? string.Empty, callId, cseq, topVia);
        return new TransactionKey(TransactionKeyKind.Rfc2543, null, null, 0, folded, parts);
    }

    /// <summary>Client key per RFC 3261 §17.1.3: our branch and the CSeq method of the request.</summary>
    public static TransactionKey ForClient(string branch, string method)
    {
        ArgumentException.ThrowIfNullOrEmpty(branch);
        ArgumentException.ThrowIfNullOrEmpty(method);
        return new TransactionKey(TransactionKeyKind.Client, branch, null, 0, method, null);
    }

    /// <inheritdoc />
    public bool Equals(TransactionKey other) =>
        _hash == other._hash
        && Kind == other.Kind
        && _sentByPort == other._sentByPort
        && string.Equals(_method, other._method, StringComparison.Ordinal)
        && string.Equals(_branch, other._branch, StringComparison.Ordinal)
        && string.Equals(_sentByHost, other._sentByHost, StringComparison.OrdinalIgnoreCase)
        && Equals(_legacy, other._legacy);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is TransactionKey other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => _hash;

    /// <summary>Equality operator.</summary>
    public static bool operator ==(TransactionKey left, TransactionKey right) => left.Equals(right);

    /// <summary>Inequality operator.</summary>
    public static bool operator !=(TransactionKey left, TransactionKey right) => !left.Equals(right);

    /// <inheritdoc />
    public override string ToString() => Kind switch
    {
        TransactionKeyKind.ServerBranch => $"{_branch}|{_sentByHost}:{_sentByPort}|{_method}",
        TransactionKeyKind.Client => $"{_branch}|{_method}",
        TransactionKeyKind.Rfc2543 => $"2543|{_legacy!.CallId}|{_legacy.CSeq}|{_method}",
        _ => "none",
    };

    private static string FoldAck(string method) => method == "ACK" ? "INVITE" : method;
}
