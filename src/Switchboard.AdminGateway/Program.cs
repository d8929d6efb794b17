using Switchboard.AdminGateway;
using Switchboard.Hosting;
using Switchboard.Hosting.Bus;

var builder = WebApplication.CreateBuilder(args);
builder.AddSwitchboardDefaults();
builder.Services.AddSwitchboardBus(builder.Configuration, x =>
{
    x.AddAdminGatewayConsumers();
    x.AddSettingsConsumer(); // the gateway's own log levels
});
builder.AddAdminGateway();

var app = builder.Build();
app.MapSwitchboardDefaults();
app.MapAdminGatewayEndpoints();
app.Run();
