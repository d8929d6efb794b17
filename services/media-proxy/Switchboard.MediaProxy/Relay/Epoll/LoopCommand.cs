namespace Switchboard.MediaProxy.Relay.Epoll;

/// <summary>Work for a loop thread, posted by signalling; <see cref="Done"/> is set once it has been carried out.</summary>
internal sealed record LoopCommand(LoopCommandKind Kind, RelaySocket? Socket, ManualResetEventSlim? Done);

internal enum LoopCommandKind
{
    Add,
    Remove,
    Stop,
}
