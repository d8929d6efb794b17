using Switchboard.Hosting;
using Switchboard.Hosting.Bus;
using Switchboard.Registrar.Service;

var builder = WebApplication.CreateBuilder(args);
builder.AddSwitchboardDefaults();
builder.Services.AddSwitchboardBus(builder.Configuration, bus => bus.AddSystemLogSettingsConsumer()); // run-time log levels
builder.AddRegistrarService();

var app = builder.Build();
app.MapSwitchboardDefaults();
app.MapRegistrarEndpoints();
app.Run();
