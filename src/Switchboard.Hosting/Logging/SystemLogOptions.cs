using Switchboard.Contracts.Logging;

namespace Switchboard.Hosting.Logging;

/// <summary>
/// Per-component System Log levels, bound from the "SystemLog" section, e.g.
/// <c>SystemLog:Levels:SIPS=LowLevel</c>, <c>SystemLog:Categories:Switchboard.Transaction.Client=SIPC</c>.
/// </summary>
public sealed class SystemLogOptions
{
    public const string SectionName = "SystemLog";

    /// <summary>The level of a tag that <see cref="Levels"/> does not name.</summary>
    public SystemLogLevel Default { get; set; } = SystemLogLevel.Problems;

    /// <summary>Tag (SIPS, REGISTRAR...) to level.</summary>
    public Dictionary<string, SystemLogLevel> Levels { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Logger category prefix (a namespace) to tag. The longest matching prefix wins, as in Microsoft's
    /// logging rules; categories matching no prefix are left to the ordinary "Logging" configuration.
    /// </summary>
    public Dictionary<string, string> Categories { get; set; } = new(StringComparer.Ordinal)
    {
        ["Switchboard.Sip"] = SystemLogTag.Sip,
        ["Switchboard.EdgeTransport"] = SystemLogTag.Sip,
        ["Switchboard.Transaction"] = SystemLogTag.SipServer,
        ["Switchboard.Transaction.Client"] = SystemLogTag.SipClient,
        ["Switchboard.Registrar"] = SystemLogTag.Registrar,
        ["Switchboard.Router"] = SystemLogTag.Router,
        ["Switchboard.MediaProxy"] = SystemLogTag.Media,
        ["Switchboard.GatewayRegistrar"] = SystemLogTag.Gateway,
        ["Switchboard.Auth"] = SystemLogTag.Auth,
    };
}
