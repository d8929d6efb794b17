using Switchboard.Contracts.Logging;

namespace Switchboard.Contracts.Events;

/// <summary>One System Log record, fanned out so the admin view can show the logs of every service.</summary>
/// <param name="Tag">One of <see cref="SystemLogTag"/> (SIPS, SIPC, REGISTRAR...).</param>
public sealed record LogRecorded(DateTimeOffset Time, string Service, string Tag, SystemLogLevel Level, string Text);
