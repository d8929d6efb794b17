namespace Switchboard.MediaProxy.Sdp;

/// <summary>Session-level facts gathered while the parser walks the lines.</summary>
internal struct ParseState()
{
    public int OriginLine = -1;
    public SdpConnection? SessionConnection;
    public SdpDirection SessionDirection = SdpDirection.SendRecv;
    public HashSet<int> MediaDirectionSet = [];
}
