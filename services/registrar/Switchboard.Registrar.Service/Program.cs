using Switchboard.Hosting;
using Switchboard.Hosting.Bus;
using Switchboard.Registrar.Service;

var builder = WebApplication.CreateBuilder(args);
builder.AddSwitchboardDefaults();
builder.Services.AddSwitchboardBus(builder.Configuration, bus => bus.AddSettingsConsumer()); // run-time log levels and settings
builder.AddRegistrarService();

var app = builder.Build();
app.MapSwitchboardDefaults();
app.MapRegistrarEndpoints();
app.Run();
