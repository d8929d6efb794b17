namespace Switchboard.Contracts.Gateway;

/// <summary>
/// The final answer to a <see cref="SipClientRequest"/>. <see cref="Headers"/> carries every header of the response
/// under its long name (compact forms expanded), list headers one element per field; empty unless
/// <see cref="Outcome"/> is <see cref="SipClientOutcome.Response"/>. Timeouts report 408, transport failures 503.
/// </summary>
public sealed record SipClientResponse(SipClientOutcome Outcome, int StatusCode, string Reason, IReadOnlyList<SipHeaderField> Headers)
{
    public static SipClientResponse Final(int statusCode, string reason, IReadOnlyList<SipHeaderField> headers) =>
        new(SipClientOutcome.Response, statusCode, reason, headers);

    public static SipClientResponse TimedOut() => new(SipClientOutcome.Timeout, 408, "Request Timeout", []);

    public static SipClientResponse Failed(string reason) => new(SipClientOutcome.TransportFailure, 503, reason, []);

    public bool IsSuccess => Outcome == SipClientOutcome.Response && StatusCode is >= 200 and < 300;

    /// <summary>Every value of header <paramref name="name"/> (case-insensitive), in order.</summary>
    public IEnumerable<string> GetValues(string name)
    {
        foreach (var header in Headers)
        {
            if (string.Equals(header.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                yield return header.Value;
            }
        }
    }

    public string? GetFirst(string name) => GetValues(name).FirstOrDefault();
}
