using Switchboard.Hosting;
using Switchboard.Hosting.Bus;
using Switchboard.MediaProxy.Service;

var builder = WebApplication.CreateBuilder(args);
builder.AddSwitchboardDefaults();
builder.Services.AddSwitchboardBus(builder.Configuration); // MediaSessionTimedOut goes out on the bus
builder.AddMediaProxyService();

var app = builder.Build();
app.MapSwitchboardDefaults();
app.MapMediaProxyEndpoints();
app.Run();
