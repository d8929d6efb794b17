namespace Switchboard.Contracts.Logging;

/// <summary>The tags System Log records are marked with (the manual names SIPS and SIPC; the rest are ours).</summary>
public static class SystemLogTag
{
    /// <summary>The SIP module as a whole: transport, parsing.</summary>
    public const string Sip = "SIP";

    /// <summary>The SIP Server subcomponent (server transactions).</summary>
    public const string SipServer = "SIPS";

    /// <summary>The SIP Client subcomponent (client transactions).</summary>
    public const string SipClient = "SIPC";

    public const string Registrar = "REGISTRAR";
    public const string Router = "ROUTER";
    public const string Media = "MEDIA";
    public const string Gateway = "GATEWAY";
    public const string Auth = "AUTH";

    public static IReadOnlyList<string> All { get; } = [Sip, SipServer, SipClient, Registrar, Router, Media, Gateway, Auth];
}
