using Switchboard.Proxy.Transport;
using Switchboard.Sip;

namespace Switchboard.Proxy.Tests.Doubles;

/// <summary>The upstream server transaction: records the responses the proxy sends to the caller.</summary>
internal sealed class RecordingServerTransaction : IProxyServerTransaction
{
    private readonly object _gate = new();
    private bool _final;

    public List<SipMessage> Responses { get; } = [];

    public IReadOnlyList<int> Statuses
    {
        get
        {
            lock (_gate)
            {
                return Responses.Select(r => r.StatusCode).ToList();
            }
        }
    }

    public bool SendResponse(int statusCode, ReadOnlyMemory<byte> response)
    {
        lock (_gate)
        {
            // Like an INVITE server transaction: after a non-2xx final only nothing; 2xx may repeat (RFC 6026 Accepted).
            if (_final && statusCode is < 200 or >= 300)
            {
                return false;
            }

            _final |= statusCode >= 300;
            Responses.Add(TestMessages.Parse(response));
            return true;
        }
    }
}
