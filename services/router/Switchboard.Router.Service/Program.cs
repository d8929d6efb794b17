using Switchboard.Hosting;
using Switchboard.Hosting.Bus;
using Switchboard.Router.Service;

var builder = WebApplication.CreateBuilder(args);
builder.AddSwitchboardDefaults();
builder.Services.AddSwitchboardBus(builder.Configuration, bus => bus.AddSettingsConsumer()); // run-time log levels and settings
builder.AddRouterService();

var app = builder.Build();
app.MapSwitchboardDefaults();
app.MapRouterEndpoints();
app.Run();
