using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Contracts.Events;
using Switchboard.Hosting.Bus;

namespace Switchboard.Hosting.Tests;

public sealed class ConsumedMessageTypesTests
{
    [Fact]
    public void Consumers_registered_through_AddSwitchboardBus_are_found_and_nothing_else()
    {
        var services = new ServiceCollection();
        services.AddSwitchboardBus(new ConfigurationBuilder().Build(), x => x.AddConsumer<InMemoryBusTests.CallStartedRecordingConsumer>());

        var consumed = ConsumedMessageTypes.From(services);

        Assert.True(consumed.Accepts(typeof(CallStarted)));
        Assert.False(consumed.Accepts(typeof(ContactRegistered)));
        Assert.False(consumed.Accepts(typeof(ContactRefreshed)));
    }

    [Fact]
    public void A_consumer_of_an_interface_accepts_every_event_implementing_it()
    {
        var consumed = new ConsumedMessageTypes([typeof(TaggedConsumer)]);

        Assert.True(consumed.Accepts(typeof(TaggedEvent)));
        Assert.False(consumed.Accepts(typeof(CallStarted)));
    }

    [Fact]
    public void An_open_generic_consumer_accepts_everything()
    {
        var consumed = new ConsumedMessageTypes([typeof(PerProcessEventConsumer<>)]);

        Assert.True(consumed.Accepts(typeof(ContactRegistered)));
    }

    [Fact]
    public async Task The_in_memory_bus_gets_the_filtering_sink_unless_switched_off_and_RabbitMq_never()
    {
        Assert.Equal(typeof(InMemoryEventSink), await SinkTypeFor([]));
        Assert.Equal(typeof(MassTransitEventSink), await SinkTypeFor(new() { ["Bus:SkipUnconsumedInMemory"] = "false" }));
        Assert.Equal(typeof(MassTransitEventSink), await SinkTypeFor(new() { ["Bus:Transport"] = "RabbitMq" }));
    }

    private static async Task<Type> SinkTypeFor(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSwitchboardBus(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        await using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IEventSink>().GetType();
    }

    public interface ITagged
    {
        string Tag { get; }
    }

    public sealed record TaggedEvent(string Tag) : ITagged;

    public sealed class TaggedConsumer : IConsumer<ITagged>
    {
        public Task Consume(ConsumeContext<ITagged> context) => Task.CompletedTask;
    }
}
