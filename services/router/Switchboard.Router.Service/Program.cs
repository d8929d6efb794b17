using Switchboard.Hosting;
using Switchboard.Hosting.Bus;
using Switchboard.Router.Service;

var builder = WebApplication.CreateBuilder(args);
builder.AddSwitchboardDefaults();
builder.Services.AddSwitchboardBus(builder.Configuration, bus => bus.AddSystemLogSettingsConsumer()); // run-time log levels
builder.AddRouterService();

var app = builder.Build();
app.MapSwitchboardDefaults();
app.MapRouterEndpoints();
app.Run();
