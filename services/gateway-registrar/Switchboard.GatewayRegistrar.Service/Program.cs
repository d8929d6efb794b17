using Switchboard.GatewayRegistrar.Service;
using Switchboard.Hosting;
using Switchboard.Hosting.Bus;

var builder = WebApplication.CreateBuilder(args);
builder.AddSwitchboardDefaults();
builder.Services.AddSwitchboardBus(builder.Configuration, bus => bus.AddSettingsConsumer()); // run-time log levels and settings
builder.AddGatewayRegistrarService();

var app = builder.Build();
app.MapSwitchboardDefaults();
app.MapGatewayRegistrarEndpoints();
app.Run();
