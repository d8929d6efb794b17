namespace Switchboard.MediaProxy;

/// <summary>The network a relay socket faces; picks the advertised address (LAN or WAN) written into SDP.</summary>
public enum MediaSide
{
    Lan,
    Wan,
}
