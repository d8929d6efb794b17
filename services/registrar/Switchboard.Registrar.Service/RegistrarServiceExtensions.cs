using Microsoft.Extensions.DependencyInjection.Extensions;
using Switchboard.Registrar.Events;
using Switchboard.Registrar.Service.Admin;
using Switchboard.Registrar.Service.Events;
using Switchboard.Registrar.Service.Grpc;

namespace Switchboard.Registrar.Service;

public static class RegistrarServiceExtensions
{
    /// <summary>
    /// The registrar library (options from <c>Registrar</c>, bindings persisted to
    /// <c>Storage:DataDirectory/registrar.db</c> unless <c>Registrar:Persistence:DatabasePath</c> says otherwise),
    /// its events published on the bus when an IEventPublisher is registered, and gRPC.
    /// </summary>
    public static IHostApplicationBuilder AddRegistrarService(this IHostApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        builder.Services.AddSwitchboardRegistrar();
        builder.Services.Configure<RegistrarOptions>(configuration.GetSection("Registrar"));
        builder.Services.PostConfigure<RegistrarOptions>(options =>
        {
            if (!string.IsNullOrEmpty(options.Persistence.DatabasePath))
                return;
            var directory = Path.GetFullPath(configuration["Storage:DataDirectory"] ?? "./data");
            Directory.CreateDirectory(directory);
            options.Persistence.DatabasePath = Path.Combine(directory, "registrar.db");
        });
        builder.Services.Configure<RegistrarServiceOptions>(configuration.GetSection(RegistrarServiceOptions.SectionName));
        builder.Services.Replace(ServiceDescriptor.Singleton<IRegistrarEvents, RegistrarEventPublisher>());
        builder.Services.AddGrpc();
        return builder;
    }

    /// <summary>The gRPC Registrar service and <c>/api/registrar/bindings</c>.</summary>
    public static WebApplication MapRegistrarEndpoints(this WebApplication app)
    {
        app.MapGrpcService<RegistrarGrpcService>();
        app.MapGroup("/api/registrar").MapBindingEndpoints();
        return app;
    }
}
