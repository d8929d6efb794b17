using Switchboard.Contracts.Sip;
using Switchboard.Sip;

namespace Switchboard.Proxy.Tests.Doubles;

/// <summary>The edge, recorded: what would go on the wire and where.</summary>
internal sealed class RecordingSipSender : ISipSender
{
    private readonly object _gate = new();
    private readonly List<(SipMessage Message, SendTarget Target)> _sent = [];
    private readonly List<SipMessage> _all = [];

    public ValueTask<SendResult> SendAsync(ReadOnlyMemory<byte> message, SendTarget target, CancellationToken cancellationToken = default)
    {
        SipMessage parsed = TestMessages.Parse(message);
        lock (_gate)
        {
            _sent.Add((parsed, target));
            _all.Add(parsed);
        }

        return ValueTask.FromResult(new SendResult(SendStatus.Sent, target.Flow));
    }

    /// <summary>The messages sent since the last call.</summary>
    public List<(SipMessage Message, SendTarget Target)> Take()
    {
        lock (_gate)
        {
            var taken = _sent.ToList();
            _sent.Clear();
            return taken;
        }
    }

    public SipMessage LastRequest(SipMethod method)
    {
        lock (_gate)
        {
            return _all.Last(m => m.IsRequest && m.Method == method);
        }
    }
}
