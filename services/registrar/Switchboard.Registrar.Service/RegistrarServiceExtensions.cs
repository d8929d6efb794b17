using Microsoft.Extensions.DependencyInjection.Extensions;
using Switchboard.Hosting.Settings;
using Switchboard.Registrar.Events;
using Switchboard.Registrar.Service.Admin;
using Switchboard.Registrar.Service.Events;
using Switchboard.Registrar.Service.Grpc;

namespace Switchboard.Registrar.Service;

public static class RegistrarServiceExtensions
{
    /// <summary>The configuration section (and settings component) of <see cref="RegistrarOptions"/>.</summary>
    public const string RegistrarSection = "Registrar";

    /// <summary>
    /// The registrar library (options from <c>Registrar</c>, bindings persisted to
    /// <c>Storage:DataDirectory/registrar.db</c> unless <c>Registrar:Persistence:DatabasePath</c> says otherwise),
    /// its events published on the bus when an IEventPublisher is registered, and gRPC. The expiry limits, contact
    /// limit and sweep interval also change at run time (<c>SettingsChanged("Registrar", key, value)</c>).
    /// </summary>
    public static IHostApplicationBuilder AddRegistrarService(this IHostApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        builder.Services.AddSwitchboardRegistrar();
        builder.Services.Configure<RegistrarOptions>(configuration.GetSection(RegistrarSection));
        builder.Services.AddRuntimeOptions<RegistrarOptions>(RegistrarSection); // SettingsChanged("Registrar", …) at run time
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
