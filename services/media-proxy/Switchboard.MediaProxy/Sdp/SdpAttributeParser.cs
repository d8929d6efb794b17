namespace Switchboard.MediaProxy.Sdp;

/// <summary>Interprets the few a= attributes the relay needs; every other attribute is only kept as a line.</summary>
internal static class SdpAttributeParser
{
    public static string? Apply(ReadOnlySpan<byte> value, SdpMediaDescription? media, ref ParseState state)
    {
        var colon = value.IndexOf((byte)':');
        var name = colon < 0 ? value : value[..colon];
        var argument = colon < 0 ? [] : value[(colon + 1)..];

        if (TryDirection(name, out var direction))
        {
            if (media is null)
                state.SessionDirection = direction;
            else
            {
                media.Direction = direction;
                state.MediaDirectionSet.Add(media.Index);
            }
            return null;
        }

        if (media is null)
            return null;
        if (name.SequenceEqual("rtcp-mux"u8))
            media.RtcpMux = true;
        else if (name.SequenceEqual("candidate"u8))
            media.CandidateCount++;
        else if (name.SequenceEqual("rtcp"u8))
            return ParseRtcp(argument, media);
        return null;
    }

    private static bool TryDirection(ReadOnlySpan<byte> name, out SdpDirection direction)
    {
        direction = name switch
        {
            _ when name.SequenceEqual("sendrecv"u8) => SdpDirection.SendRecv,
            _ when name.SequenceEqual("sendonly"u8) => SdpDirection.SendOnly,
            _ when name.SequenceEqual("recvonly"u8) => SdpDirection.RecvOnly,
            _ when name.SequenceEqual("inactive"u8) => SdpDirection.Inactive,
            _ => (SdpDirection)(-1),
        };
        return direction >= 0;
    }

    // RFC 3605: a=rtcp:<port> [<nettype> <addrtype> <connection-address>]
    private static string? ParseRtcp(ReadOnlySpan<byte> argument, SdpMediaDescription media)
    {
        var tokens = new SdpTokens(argument);
        if (!tokens.Next(out var port) || !SdpTokens.TryPort(port, out var rtcpPort))
            return "a=rtcp port is not a number in 0..65535";
        media.RtcpPort = rtcpPort;
        if (tokens.Next(out _) && tokens.Next(out _) && tokens.Next(out var address))
            media.RtcpAddress = SdpTokens.Address(address);
        return null;
    }
}
