using Switchboard.EdgeTransport.Service;
using Switchboard.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddSwitchboardDefaults();
builder.AddEdgeTransportService();

var app = builder.Build();
app.MapSwitchboardDefaults();
app.Run();
