using Switchboard.Contracts.Events;

namespace Switchboard.Proxy.Media;

/// <summary>
/// A relay timed a call out: the proxy ends it with BYEs when it holds the dialog and <c>Proxy:Media:EndCallOnTimeout</c>
/// is on (another instance finds no such call and does nothing).
/// </summary>
public sealed class MediaTimeoutHandler(SipProxy proxy) : IEventHandler<MediaSessionTimedOut>
{
    public void Handle(MediaSessionTimedOut message) => proxy.EndCallOnMediaTimeout(message.CallId);
}
