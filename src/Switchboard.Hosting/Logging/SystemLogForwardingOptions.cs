namespace Switchboard.Hosting.Logging;

/// <summary>
/// How log records leave the process as <c>LogRecorded</c> events (<c>SystemLog:Forwarding:*</c>). Only
/// categories that map to a System Log tag are forwarded; the rest stay in the local log only.
/// </summary>
public sealed class SystemLogForwardingOptions
{
    public const string SectionName = "SystemLog:Forwarding";

    /// <summary>
    /// Off unless configured (<c>SystemLog__Forwarding__Enabled=true</c> in docker-compose, the gateway's and the
    /// all-in-one host's appsettings): a test host that records every published event must not see log records.
    /// </summary>
    public bool Enabled { get; set; }

    /// <summary>The service name records carry; defaults to <c>Consul:ServiceName</c>, then the application name.</summary>
    public string? Service { get; set; }

    /// <summary>Records waiting to be handed to the bus; beyond this new records are dropped and counted.</summary>
    public int Capacity { get; set; } = 4096;

    /// <summary>Longer texts (a message plus its exception) are cut here.</summary>
    public int MaxTextLength { get; set; } = 8192;

    /// <summary>
    /// Category prefixes never forwarded, whatever their tag: the bus's own logs and ours, so that a record
    /// about publishing a record cannot become another record.
    /// </summary>
    public List<string> ExcludedCategories { get; set; } =
        ["MassTransit", "Switchboard.Hosting.Bus", "Switchboard.Hosting.Logging", "Switchboard.AdminGateway.SystemLog"];
}
