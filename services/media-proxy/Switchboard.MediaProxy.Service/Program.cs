using Switchboard.Hosting;
using Switchboard.Hosting.Bus;
using Switchboard.Hosting.Discovery;
using Switchboard.MediaProxy.Service;

var builder = WebApplication.CreateBuilder(args);
// --scale replicas share one environment: PortRangeSlotFrom/LanAddressFrom let each find its slice and address.
builder.Configuration.AddContainerReplicaSettings(MediaProxyServiceOptions.SectionName);
builder.AddSwitchboardDefaults();
builder.Services.AddSwitchboardBus(builder.Configuration, bus => bus.AddSystemLogSettingsConsumer()); // MediaSessionTimedOut out, log levels in
builder.AddMediaProxyService();

var app = builder.Build();
app.MapSwitchboardDefaults();
app.MapMediaProxyEndpoints();
app.Run();
