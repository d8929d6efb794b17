using Switchboard.Registrar.Events;
using Switchboard.Registrar.Location;

namespace Switchboard.Registrar.Registration;

/// <summary>What applying a REGISTER to an AOR produced: a refusal, or the resulting bindings and the
/// events to publish once the AOR lock is released.</summary>
internal sealed record MergeOutcome(RegisterResult? Failure, IReadOnlyList<Binding> Bindings, IReadOnlyList<RegistrarEvent> Events)
{
    public static MergeOutcome Refused(RegisterResult failure) => new(failure, [], []);
}
