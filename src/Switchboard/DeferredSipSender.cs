using Switchboard.Contracts.Sip;

namespace Switchboard;

/// <summary>Breaks the edge ⇄ core construction cycle: the edge is resolved on the first send.</summary>
internal sealed class DeferredSipSender(Func<ISipSender> resolve) : ISipSender
{
    private readonly Lazy<ISipSender> _sender = new(resolve);

    public ValueTask<SendResult> SendAsync(ReadOnlyMemory<byte> message, SendTarget target, CancellationToken cancellationToken = default) =>
        _sender.Value.SendAsync(message, target, cancellationToken);
}
