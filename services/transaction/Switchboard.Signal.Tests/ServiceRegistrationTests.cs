using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Prometheus;
using Switchboard.Contracts.Registrar;
using Switchboard.Contracts.Routing;
using Switchboard.Contracts.Sip;
using Switchboard.Registrar;
using Switchboard.Signal.Handlers;
using Switchboard.Signal.Tests.Doubles;
using Switchboard.Signal.Tests.Messages;

namespace Switchboard.Signal.Tests;

public sealed class ServiceRegistrationTests
{
    [Fact]
    public async Task Container_builds_a_working_sink_with_the_registrar_adapter()
    {
        var sender = new RecordingSipSender();
        var services = new ServiceCollection();
        services.AddSingleton<ISipSender>(sender);
        services.AddSingleton<ICredentialLookup>(new RecordingCredentialLookup().Add("alice", "example.com", "wonderland"));
        services.AddSingleton<IAddressResolutionService>(new RecordingAddressResolution().Domain("example.com").Account("alice", "example.com"));
        services.AddSingleton<IMetricFactory>(Prometheus.Metrics.WithCustomRegistry(Prometheus.Metrics.NewCustomRegistry()));
        services.AddSwitchboardRegistrar();
        services.AddSwitchboardSignal(o => o.RequireAuthentication = false, t => t.Server.Processors = 0);
        await using var provider = services.BuildServiceProvider();

        var sink = provider.GetRequiredService<ISipMessageSink>();
        Assert.Same(provider.GetRequiredService<SipServerCore>(), sink);
        Assert.Equal(3, provider.GetRequiredService<SipRequestHandlerChain>().Handlers.Count);
        sink.OnMessage(new ReceivedMessage(Encoding.UTF8.GetBytes(SipText.Register()), SignalHarness.Flow(), DateTimeOffset.UtcNow));

        Assert.Equal(200, Assert.Single(sender.Sent).StatusCode);
        var bindings = await provider.GetRequiredService<IRegistrarService>().LookupAsync("sip:alice@example.com");
        Assert.Equal("sip:alice@192.0.2.10:5070", Assert.Single(bindings).ContactUri);
    }
}
