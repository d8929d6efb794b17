using System.Collections.Concurrent;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace Switchboard.Hosting.Bus;

/// <summary>
/// The message types the consumers registered with the in-memory bus accept: an event goes to a consumer of its own
/// type or of a base type or interface (MassTransit's polymorphic routing). An open generic consumer accepts anything.
/// </summary>
internal sealed class ConsumedMessageTypes
{
    private readonly Type[] _consumed;
    private readonly bool _acceptsAll;
    private readonly ConcurrentDictionary<Type, bool> _answers = new();
    private readonly Func<Type, bool> _decide; // one delegate, not a new closure per published event

    public ConsumedMessageTypes(IEnumerable<Type> registeredTypes)
    {
        var consumed = new HashSet<Type>();
        foreach (var type in registeredTypes)
        {
            foreach (var message in ConsumedBy(type))
            {
                _acceptsAll |= message.IsGenericParameter;
                consumed.Add(message);
            }
        }

        _consumed = [.. consumed];
        _decide = message => Array.Exists(_consumed, c => c.IsAssignableFrom(message));
    }

    /// <summary>Every service and implementation type registered so far (consumers are registered as themselves).</summary>
    public static ConsumedMessageTypes From(IServiceCollection services) =>
        new(services.SelectMany(d => new[] { d.ServiceType, d.IsKeyedService ? d.KeyedImplementationType : d.ImplementationType })
            .OfType<Type>());

    public bool Accepts(Type messageType) =>
        _acceptsAll || _answers.GetOrAdd(messageType, _decide);

    private static IEnumerable<Type> ConsumedBy(Type type) =>
        type.GetInterfaces()
            .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IConsumer<>))
            .Select(i => i.GetGenericArguments()[0]);
}
