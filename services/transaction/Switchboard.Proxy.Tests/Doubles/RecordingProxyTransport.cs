using Switchboard.Contracts.Sip;
using Switchboard.Proxy.Transport;
using Switchboard.Sip;
using Switchboard.Sip.Parsing;

namespace Switchboard.Proxy.Tests.Doubles;

/// <summary>Records every client transaction started and every stateless send; the test plays the far end.</summary>
internal sealed class RecordingProxyTransport : IProxyTransport
{
    private readonly object _gate = new();

    public List<StartedTransaction> Started { get; } = [];

    public List<(SipMessage Message, SendTarget Target)> Stateless { get; } = [];

    /// <summary>When set, starting a transaction fails (limit reached, send error).</summary>
    public bool RefuseStarts { get; set; }

    public bool StartClientTransaction(ProxyOutgoingRequest request, IProxyBranchEvents events)
    {
        lock (_gate)
        {
            Started.Add(new StartedTransaction(request, TestMessages.Parse(request.Bytes), events));
        }

        return !RefuseStarts;
    }

    public bool SendStateless(ReadOnlyMemory<byte> message, SendTarget target)
    {
        lock (_gate)
        {
            Stateless.Add((TestMessages.Parse(message), target));
        }

        return true;
    }

    public IReadOnlyList<StartedTransaction> Requests(SipMethod method)
    {
        lock (_gate)
        {
            return Started.Where(s => s.Request.Method == method).ToList();
        }
    }

    internal sealed record StartedTransaction(ProxyOutgoingRequest Request, SipMessage Message, IProxyBranchEvents Events)
    {
        public string Text => TestMessages.Text(Request.Bytes);

        /// <summary>The far end answers this request (Via, From, To, Call-ID, CSeq copied; a To tag added).</summary>
        public void Respond(int status, string toTag = "callee", params string[] extraHeaders)
        {
            byte[] response = TestMessages.Response(Message, status, toTag, extraHeaders);
            Events.OnResponse(status, response);
        }
    }
}
