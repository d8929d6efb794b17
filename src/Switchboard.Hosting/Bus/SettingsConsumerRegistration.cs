using MassTransit;
using Switchboard.Hosting.Settings;

namespace Switchboard.Hosting.Bus;

public static class SettingsConsumerRegistration
{
    /// <summary>
    /// <see cref="SettingsChangedConsumer"/> (log levels and run-time settings) on a queue of this process's own
    /// (temporary, named after host and pid): on RabbitMQ a queue shared by name would hand each change to only one
    /// of the processes consuming it, and every instance of every service must apply it. Call inside
    /// <c>AddSwitchboardBus(configuration, bus =&gt; …)</c>, once per process.
    /// </summary>
    public static IBusRegistrationConfigurator AddSettingsConsumer(this IBusRegistrationConfigurator bus)
    {
        bus.AddConsumer<SettingsChangedConsumer>().Endpoint(e =>
        {
            e.Name = EndpointName(Environment.MachineName, Environment.ProcessId);
            e.Temporary = true;
        });
        return bus;
    }

    /// <summary>The same as <see cref="AddSettingsConsumer"/>: the consumer now applies every setting, not only levels.</summary>
    public static IBusRegistrationConfigurator AddSystemLogSettingsConsumer(this IBusRegistrationConfigurator bus) =>
        bus.AddSettingsConsumer();

    /// <summary>Unique per process, host or container (containers often all run as pid 1).</summary>
    public static string EndpointName(string machineName, int processId) => $"SettingsChanged-{machineName}-{processId}";
}
