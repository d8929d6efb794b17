using Switchboard.Hosting;
using Switchboard.Transaction.Service;

var builder = WebApplication.CreateBuilder(args);
builder.AddSwitchboardDefaults();
builder.AddTransactionService();

var app = builder.Build();
app.MapSwitchboardDefaults();
app.MapTransactionEndpoints();
app.Run();
