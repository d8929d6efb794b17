using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Switchboard.MediaProxy.Relay;
using Switchboard.MediaProxy.Relay.Kernel;

namespace Switchboard.MediaProxy;

/// <summary>
/// The media relay on real UDP sockets. Sessions live in a concurrent table keyed by Call-ID; each session has
/// its own gate for signalling (offer/answer/update/delete/timeout), while packets are relayed by per-socket
/// receive loops (async per socket, or epoll loop threads; <see cref="MediaRelayOptions.Engine"/>) that never take
/// a lock. Lock order: session gate, then the port pool's lock (closing a socket may wait for its epoll loop,
/// which takes no lock).
/// </summary>
public sealed partial class MediaRelay : IMediaRelay, IDisposable
{
    private const int MaxCreateAttempts = 3;

    private readonly ConcurrentDictionary<string, MediaSession> _sessions = new(StringComparer.Ordinal);
    private readonly MediaRelayOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly PortPool _pool;
    private readonly StreamAllocator _allocator;
    private readonly IPAddress _lanAddress;
    private readonly IPAddress _wanAddress;
    private readonly MediaRelayMetrics _metrics;
    private readonly ITimer _sweepTimer;
    private readonly IRelayEngine _engine;
    private readonly KernelOffload? _kernel;

    public MediaRelay(IOptions<MediaRelayOptions> options, TimeProvider time, ILogger<MediaRelay>? logger = null)
    {
        _options = options.Value;
        _time = time;
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _lanAddress = ParseAddress(_options.LanAddress, nameof(MediaRelayOptions.LanAddress));
        _wanAddress = ParseAddress(_options.WanAddress, nameof(MediaRelayOptions.WanAddress));
        _pool = new PortPool(_options.PortRangeStart, _options.PortRangeEnd, _options.PortReleaseDelay, time);
        _engine = RelayEngineFactory.Create(_options);
        try
        {
            _kernel = KernelOffload.Start(_options, time, _logger);
        }
        catch
        {
            _engine.Dispose();
            throw;
        }

        _allocator = new StreamAllocator(_pool, ParseAddress(_options.BindAddress, nameof(MediaRelayOptions.BindAddress)), _engine, _kernel);
        _metrics = new MediaRelayMetrics(this);
        var interval = _options.TimeoutSweepInterval > TimeSpan.Zero ? _options.TimeoutSweepInterval : TimeSpan.FromSeconds(5);
        _sweepTimer = time.CreateTimer(static state => ((MediaRelay)state!).SweepTimedOut(), this, interval, interval);
    }

    public IMediaRelayMetrics Metrics => _metrics;

    public event Action<MediaSessionTimedOut>? SessionTimedOut;

    internal PortPool Pool => _pool;

    internal IRelayEngine Engine => _engine;

    internal KernelOffload? Kernel => _kernel;

    public MediaRelayResult Offer(string callId, string fromTag, ReadOnlyMemory<byte> sdp, MediaSide towards)
    {
        for (var attempt = 0; attempt < MaxCreateAttempts; attempt++)
        {
            var session = _sessions.GetOrAdd(callId, static (id, time) => new MediaSession(id, time), _time);
            lock (session.Gate)
            {
                if (session.Ended)
                    continue; // deleted while we looked it up; the next GetOrAdd creates a fresh one
                session.Caller.Tag ??= fromTag;
                if (session.LegByTag(fromTag) is not { } sender)
                    return MediaRelayResult.NoLeg(fromTag);
                var result = Negotiate(session, sender, sdp, towards);
                if (result.Status != MediaRelayStatus.Relayed && session.Caller.LastSdp is null)
                    EndLocked(session); // a new call that could not be relayed leaves nothing behind
                return result;
            }
        }

        return MediaRelayResult.NoSession(callId);
    }

    public MediaRelayResult Answer(string callId, string fromTag, string toTag, ReadOnlyMemory<byte> sdp, MediaSide towards)
    {
        if (!_sessions.TryGetValue(callId, out var session))
            return MediaRelayResult.NoSession(callId);
        lock (session.Gate)
        {
            if (session.Ended)
                return MediaRelayResult.NoSession(callId);
            if (session.LegByTag(fromTag) is not { } offerer)
                return MediaRelayResult.NoLeg(fromTag);
            var answerer = session.Other(offerer);
            if (answerer.Tag != toTag)
            {
                // First answer, or another fork answering: the callee leg now belongs to this tag.
                answerer.Tag = toTag;
                answerer.Forget();
            }
            return Negotiate(session, answerer, sdp, towards);
        }
    }

    public MediaRelayResult Update(string callId, string fromTag, ReadOnlyMemory<byte> sdp, MediaSide towards)
    {
        if (!_sessions.TryGetValue(callId, out var session))
            return MediaRelayResult.NoSession(callId);
        lock (session.Gate)
        {
            if (session.Ended)
                return MediaRelayResult.NoSession(callId);
            return session.LegByTag(fromTag) is { } sender
                ? Negotiate(session, sender, sdp, towards)
                : MediaRelayResult.NoLeg(fromTag);
        }
    }

    public bool Delete(string callId, string? tag = null)
    {
        if (!_sessions.TryGetValue(callId, out var session))
            return false;
        lock (session.Gate)
        {
            if (session.Ended || tag is not null && session.LegByTag(tag) is null)
                return false;
            EndLocked(session);
            return true;
        }
    }

    public void Dispose()
    {
        _sweepTimer.Dispose();
        foreach (var session in _sessions.Values)
        {
            lock (session.Gate)
            {
                if (!session.Ended)
                    EndLocked(session);
            }
        }

        _kernel?.Dispose(); // after every rule is withdrawn with its socket
        _engine.Dispose();  // after every socket is closed: the loops stop with nothing registered
    }

    /// <summary>Closes every stream (ports go to quarantine) and removes the session; call under its gate.</summary>
    private void EndLocked(MediaSession session)
    {
        session.Ended = true;
        for (var i = 0; i < session.Streams.Count; i++)
        {
            if (session.Detach(i) is { } stream)
                _allocator.Release(stream);
        }

        _metrics.AddEnded(session.Counters());
        _sessions.TryRemove(new KeyValuePair<string, MediaSession>(session.CallId, session));
    }

    private IPAddress Advertised(MediaSide side) => side == MediaSide.Lan ? _lanAddress : _wanAddress;

    private static IPAddress ParseAddress(string text, string name) =>
        IPAddress.TryParse(text, out var address)
            ? address
            : throw new ArgumentException($"MediaRelayOptions.{name} '{text}' is not an IP address", name);
}
