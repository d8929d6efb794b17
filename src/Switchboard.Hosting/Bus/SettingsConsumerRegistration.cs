using MassTransit;
using Switchboard.Hosting.Logging;

namespace Switchboard.Hosting.Bus;

public static class SettingsConsumerRegistration
{
    /// <summary>
    /// <see cref="SettingsChangedConsumer"/> on a queue of this process's own (temporary, named after host and
    /// pid): on RabbitMQ a queue shared by name would hand each change to only one of the processes consuming it,
    /// and every instance of every service must apply a level change. Call inside
    /// <c>AddSwitchboardBus(configuration, bus =&gt; …)</c>.
    /// </summary>
    public static IBusRegistrationConfigurator AddSystemLogSettingsConsumer(this IBusRegistrationConfigurator bus)
    {
        bus.AddConsumer<SettingsChangedConsumer>().Endpoint(e =>
        {
            e.Name = EndpointName(Environment.MachineName, Environment.ProcessId);
            e.Temporary = true;
        });
        return bus;
    }

    /// <summary>Unique per process, host or container (containers often all run as pid 1).</summary>
    public static string EndpointName(string machineName, int processId) => $"SettingsChanged-{machineName}-{processId}";
}
