namespace Switchboard.Proxy.Media;

/// <summary>
/// The proxy's side of the manual's "Media Stream Proxy": which addresses are the LAN (the "LAN IPs" settings) and
/// what a call does when no relay can be had. Bound from <c>Proxy:Media</c>.
/// </summary>
public sealed class ProxyMediaOptions
{
    /// <summary>Relay media of calls crossing between LAN and WAN (only when a media relay is wired in).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>LAN address ranges (CIDR or single addresses); empty: the private ranges (RFC 1918, loopback, ULA...).</summary>
    public IList<string> LanNetworks { get; set; } = [];

    /// <summary>
    /// What a call does when the relay is unreachable or fails. A relay that ran out of ports answers with its own
    /// configured choice (pass through, 488 or 500), which is honoured as it is.
    /// </summary>
    public MediaRelayFailureAction OnRelayFailure { get; set; } = MediaRelayFailureAction.ProceedWithoutRelay;

    /// <summary>A relayed call without BYE (lost, timed out) is forgotten after this long.</summary>
    public TimeSpan CallLifetime { get; set; } = TimeSpan.FromHours(12);

    /// <summary>
    /// When the relay removes a call whose media stopped (<c>MediaSessionTimedOut</c>), the proxy ends the call: a
    /// BYE to each side with <c>Reason: SIP;cause=408;text="media timeout"</c>. Off: the call is left to its parties.
    /// </summary>
    public bool EndCallOnTimeout { get; set; }

    /// <summary>At most this many confirmed relayed calls are kept for <see cref="EndCallOnTimeout"/> (later ones are not ended).</summary>
    public int EndCallLimit { get; set; } = 100_000;

    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(LanNetworks);
        _ = new MediaNetworks(LanNetworks); // a bad range fails at start, not on the first call
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(CallLifetime, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfNegative(EndCallLimit);
    }
}
