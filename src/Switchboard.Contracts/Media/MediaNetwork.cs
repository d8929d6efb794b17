namespace Switchboard.Contracts.Media;

/// <summary>The network an SDP body is sent to; the relay advertises its address on that network.</summary>
public enum MediaNetwork
{
    Lan,
    Wan,
}
