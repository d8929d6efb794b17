using Switchboard;
using Switchboard.Cli;
using Switchboard.Hosting;

if (SwitchboardCli.IsCommand(args))
{
    return await SwitchboardCli.RunAsync(args);
}

var builder = WebApplication.CreateBuilder(args);
builder.AddSwitchboardDefaults();
builder.AddAllInOne();

var app = builder.Build();
app.MapSwitchboardDefaults();
app.MapAllInOneEndpoints();
await app.RunAsync();
return 0;
