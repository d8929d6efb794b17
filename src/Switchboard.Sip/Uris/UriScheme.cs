namespace Switchboard.Sip.Uris;

/// <summary>The URI schemes a SIP element tells apart; anything else is <see cref="Other"/> (answer 416).</summary>
public enum UriScheme : byte
{
    Sip,
    Sips,
    Tel,
    Other,
}
