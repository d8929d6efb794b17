using System.Text;
using Switchboard.Contracts.Media;

namespace Switchboard.Proxy.Tests.Media;

/// <summary>
/// A media relay that records every control call and answers with an SDP pointing at itself: 10.0.0.100 towards
/// the LAN, 203.0.113.100 towards the WAN, one port per (Call-ID, tag) from 30000 up. <see cref="Gate"/> holds the
/// answers back until the test releases it (a slow relay instance).
/// </summary>
internal sealed class RecordingMediaRelayControl : IMediaRelayControl
{
    public const string LanRelay = "10.0.0.100";
    public const string WanRelay = "203.0.113.100";

    private readonly Lock _gate = new();
    private readonly Dictionary<(string CallId, string Tag), int> _ports = [];

    public List<(string Kind, string CallId, string FromTag, string? ToTag, string Sdp, MediaNetwork Towards)> Calls { get; } = [];

    public List<MediaDelete> Deletes { get; } = [];

    /// <summary>What offers answer with instead of relaying (null: relay).</summary>
    public MediaControlResult? OfferFailure { get; set; }

    public bool ThrowOnOffer { get; set; }

    public TaskCompletionSource? Gate { get; set; }

    public List<string> Kinds
    {
        get
        {
            lock (_gate)
            {
                return Calls.Select(c => c.Kind).ToList();
            }
        }
    }

    public static string Relayed(MediaNetwork towards, int port) => TestSdp.Create(towards == MediaNetwork.Wan ? WanRelay : LanRelay, port);

    public Task<MediaControlResult> Offer(MediaOffer offer, CancellationToken cancellationToken = default)
    {
        Record("offer", offer.CallId, offer.FromTag, null, offer.Sdp, offer.Towards);
        if (ThrowOnOffer)
        {
            throw new InvalidOperationException("relay channel broken");
        }

        return OfferFailure is { } failure ? Task.FromResult(failure) : Reply(offer.CallId, offer.FromTag, offer.Towards);
    }

    public Task<MediaControlResult> Answer(MediaAnswer answer, CancellationToken cancellationToken = default)
    {
        Record("answer", answer.CallId, answer.FromTag, answer.ToTag, answer.Sdp, answer.Towards);
        return Reply(answer.CallId, answer.ToTag, answer.Towards);
    }

    public Task<MediaControlResult> Update(MediaOffer offer, CancellationToken cancellationToken = default)
    {
        Record("update", offer.CallId, offer.FromTag, null, offer.Sdp, offer.Towards);
        return Reply(offer.CallId, offer.FromTag, offer.Towards);
    }

    public Task<MediaDeleteResult> Delete(MediaDelete request, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            Deletes.Add(request);
        }

        return Task.FromResult(new MediaDeleteResult(true, "test-relay"));
    }

    public int PortOf(string callId, string tag)
    {
        lock (_gate)
        {
            return _ports[(callId, tag)];
        }
    }

    private void Record(string kind, string callId, string fromTag, string? toTag, ReadOnlyMemory<byte> sdp, MediaNetwork towards)
    {
        lock (_gate)
        {
            Calls.Add((kind, callId, fromTag, toTag, Encoding.ASCII.GetString(sdp.Span), towards));
        }
    }

    private async Task<MediaControlResult> Reply(string callId, string tag, MediaNetwork towards)
    {
        int port;
        lock (_gate)
        {
            if (!_ports.TryGetValue((callId, tag), out port))
            {
                _ports[(callId, tag)] = port = 30000 + (2 * _ports.Count);
            }
        }

        if (Gate is { } gate)
        {
            await gate.Task.ConfigureAwait(false);
        }

        return new MediaControlResult(MediaControlStatus.Relayed, Encoding.ASCII.GetBytes(Relayed(towards, port)), 0, null, "test-relay");
    }
}
