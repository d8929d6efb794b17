using System.Collections.Concurrent;
using Switchboard.Registrar.Events;

namespace Switchboard.Registrar.Tests;

/// <summary>Keeps every published event, in order.</summary>
internal sealed class RecordingRegistrarEvents : IRegistrarEvents
{
    private readonly ConcurrentQueue<RegistrarEvent> _events = new();

    public IReadOnlyList<RegistrarEvent> All => [.. _events];

    public IReadOnlyList<T> OfType<T>() where T : RegistrarEvent => [.. _events.OfType<T>()];

    public void Publish(RegistrarEvent registrarEvent) => _events.Enqueue(registrarEvent);

    public void Clear() => _events.Clear();
}
