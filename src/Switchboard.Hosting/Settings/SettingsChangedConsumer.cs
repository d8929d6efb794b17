using MassTransit;
using Microsoft.Extensions.Logging;
using Switchboard.Contracts.Events;
using Switchboard.Contracts.Logging;

namespace Switchboard.Hosting.Logging;

/// <summary>
/// Applies <c>SettingsChanged("SystemLog", tag, level)</c> to this process's log levels. Other components'
/// settings are ignored here. Register it with <c>x.AddConsumer&lt;SettingsChangedConsumer&gt;()</c>; with
/// RabbitMQ give every instance its own endpoint (e.g. a temporary one) so each process sees the change.
/// </summary>
public sealed class SettingsChangedConsumer(ISystemLogLevels levels, ILogger<SettingsChangedConsumer> logger)
    : IConsumer<SettingsChanged>
{
    public const string Component = "SystemLog";

    public Task Consume(ConsumeContext<SettingsChanged> context)
    {
        var change = context.Message;
        if (!string.Equals(change.Component, Component, StringComparison.OrdinalIgnoreCase))
        {
            return Task.CompletedTask;
        }

        if (Enum.TryParse<SystemLogLevel>(change.Value, ignoreCase: true, out var level) && Enum.IsDefined(level)
            && !string.IsNullOrWhiteSpace(change.Key))
        {
            levels.Set(change.Key, level);
            logger.LogInformation("System Log level of {Tag} set to {Level}", change.Key, level);
        }
        else
        {
            logger.LogWarning("Ignored SystemLog setting {Key}={Value}: not a tag and a level", change.Key, change.Value);
        }

        return Task.CompletedTask;
    }
}
