using Microsoft.Extensions.Hosting;

namespace Switchboard.EdgeTransport;

/// <summary>Starts the listeners with the host and closes them (and every connection) when it stops.</summary>
internal sealed class EdgeHostedService : IHostedService
{
    private readonly SipEdge _edge;
    private readonly IEnumerable<IEdgeStartedObserver> _observers;

    public EdgeHostedService(SipEdge edge, IEnumerable<IEdgeStartedObserver> observers)
    {
        _edge = edge;
        _observers = observers;
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _edge.Start();
        foreach (var observer in _observers)
        {
            observer.OnEdgeStarted(_edge);
        }
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken) => await _edge.DisposeAsync().ConfigureAwait(false);
}

/// <summary>Told when the listeners are up (the distributed edge then opens its stream to the core).</summary>
public interface IEdgeStartedObserver
{
    void OnEdgeStarted(SipEdge edge);
}
