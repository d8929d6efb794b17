using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Prometheus;
using Switchboard.Contracts;

namespace Switchboard.Hosting.Bus;

public static class BusServiceCollectionExtensions
{
    /// <summary>
    /// MassTransit on RabbitMQ (<c>Bus:Transport=RabbitMq</c>) or in memory (the all-in-one host), plus the
    /// non-blocking <see cref="IEventPublisher"/>. <paramref name="configure"/> adds consumers.
    /// </summary>
    public static IServiceCollection AddSwitchboardBus(
        this IServiceCollection services, IConfiguration configuration, Action<IBusRegistrationConfigurator>? configure = null)
    {
        var section = configuration.GetSection(BusOptions.SectionName);
        var options = section.Get<BusOptions>() ?? new BusOptions();
        services.AddMassTransit(x =>
        {
            configure?.Invoke(x);
            if (options.UsesRabbitMq)
            {
                x.UsingRabbitMq((context, cfg) =>
                {
                    ConfigureHost(cfg, options.RabbitMq);
                    cfg.ConfigureEndpoints(context);
                });
            }
            else
            {
                x.UsingInMemory((context, cfg) => cfg.ConfigureEndpoints(context));
            }
        });

        // Without it a publish right after start can beat the endpoint bindings (seen on a fresh broker).
        services.Configure<MassTransitHostOptions>(o =>
        {
            o.WaitUntilStarted = true;
            o.StartTimeout = TimeSpan.FromSeconds(30);
            o.StopTimeout = TimeSpan.FromSeconds(15);
        });

        services.AddOptions<EventQueueOptions>().Bind(section.GetSection("Queue"));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IMetricFactory>(_ => Metrics.DefaultFactory);
        services.TryAddSingleton<EventQueueMetrics>();
        services.TryAddSingleton<EventQueue>();
        services.TryAddSingleton<IEventPublisher>(sp => sp.GetRequiredService<EventQueue>());
        if (!options.UsesRabbitMq && options.SkipUnconsumedInMemory)
        {
            // Read when first resolved, once every registration (consumers included) is in the collection.
            services.TryAddSingleton<IEventSink>(sp => new InMemoryEventSink(sp.GetRequiredService<IBus>(), ConsumedMessageTypes.From(services)));
        }

        services.TryAddSingleton<IEventSink, MassTransitEventSink>();
        services.AddHostedService<EventDrainService>();
        return services;
    }

    private static void ConfigureHost(IRabbitMqBusFactoryConfigurator cfg, RabbitMqBusOptions rabbit)
    {
        if (!string.IsNullOrWhiteSpace(rabbit.Uri))
        {
            var uri = new Uri(rabbit.Uri);
            var (user, password) = SplitUserInfo(uri, rabbit);
            var host = new UriBuilder(uri) { UserName = "", Password = "" }.Uri;
            cfg.Host(host, h =>
            {
                h.Username(user);
                h.Password(password);
            });
            return;
        }

        cfg.Host(rabbit.Host, (ushort)rabbit.Port, rabbit.VirtualHost, h =>
        {
            h.Username(rabbit.Username);
            h.Password(rabbit.Password);
        });
    }

    // amqp://user:pass@host:port/ carries credentials in the URI; fall back to the separate fields.
    private static (string User, string Password) SplitUserInfo(Uri uri, RabbitMqBusOptions rabbit)
    {
        if (string.IsNullOrEmpty(uri.UserInfo))
        {
            return (rabbit.Username, rabbit.Password);
        }

        var parts = uri.UserInfo.Split(':', 2);
        return (Uri.UnescapeDataString(parts[0]), parts.Length > 1 ? Uri.UnescapeDataString(parts[1]) : rabbit.Password);
    }
}
