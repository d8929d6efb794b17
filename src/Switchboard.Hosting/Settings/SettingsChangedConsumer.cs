using MassTransit;
using Microsoft.Extensions.Logging;
using Switchboard.Contracts.Events;
using Switchboard.Contracts.Logging;
using Switchboard.Hosting.Logging;

namespace Switchboard.Hosting.Settings;

/// <summary>
/// The one consumer of <see cref="SettingsChanged"/> in a process: <c>("SystemLog", tag, level)</c> sets that
/// tag's log level; any other component goes to <see cref="RuntimeSettings"/> as the configuration key
/// <c>Component:Key</c> (when the host added it; <c>AddSwitchboardDefaults</c> does). Register it with
/// <see cref="Bus.SettingsConsumerRegistration.AddSettingsConsumer"/> so every instance has its own queue.
/// </summary>
public sealed class SettingsChangedConsumer(
    ISystemLogLevels levels, ILogger<SettingsChangedConsumer> logger, RuntimeSettings? runtime = null)
    : IConsumer<SettingsChanged>
{
    public const string Component = "SystemLog";

    public Task Consume(ConsumeContext<SettingsChanged> context)
    {
        var change = context.Message;
        if (string.Equals(change.Component, Component, StringComparison.OrdinalIgnoreCase))
        {
            ApplyLevel(change);
        }
        else
        {
            runtime?.Apply(change.Component, change.Key, change.Value);
        }

        return Task.CompletedTask;
    }

    private void ApplyLevel(SettingsChanged change)
    {
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
    }
}
