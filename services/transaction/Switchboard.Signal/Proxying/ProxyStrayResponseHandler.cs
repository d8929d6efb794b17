using Microsoft.Extensions.Logging;
using Switchboard.Contracts.Sip;
using Switchboard.Proxy;
using Switchboard.Signal.Metrics;
using Switchboard.Sip;
using Switchboard.Sip.Parsing;

namespace Switchboard.Signal.Proxying;

/// <summary>
/// Responses that match no client transaction: a 2xx to an INVITE we forwarded (a retransmission after the
/// transaction ended, or a fork's late 2xx) goes upstream statelessly (RFC 6026 §7.2); the rest is dropped.
/// </summary>
public sealed class ProxyStrayResponseHandler : IStatelessResponseHandler
{
    private readonly SipProxy _proxy;
    private readonly SignalMetrics _metrics;
    private readonly SipParser _parser;
    private readonly ILogger _logger;

    public ProxyStrayResponseHandler(SipProxy proxy, SignalMetrics metrics, SipParser parser, ILogger<ProxyStrayResponseHandler> logger)
    {
        ArgumentNullException.ThrowIfNull(proxy);
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentNullException.ThrowIfNull(parser);
        ArgumentNullException.ThrowIfNull(logger);
        _proxy = proxy;
        _metrics = metrics;
        _parser = parser;
        _logger = logger;
    }

    public void OnResponse(SipMessage response, in ReceivedMessage received)
    {
        if (response.StatusCode is < 200 or >= 300)
        {
            _metrics.UnmatchedResponse();
            return;
        }

        // The message is only valid during this call; the look-up of the next Via may finish later.
        var copy = new SipMessage();
        if (!_parser.TryParseFramed(response.Span.ToArray(), copy, out _))
        {
            _metrics.UnmatchedResponse();
            return;
        }

        _ = ForwardAsync(copy);
    }

    private async Task ForwardAsync(SipMessage response)
    {
        try
        {
            if (!await _proxy.ForwardStrayResponseAsync(response).ConfigureAwait(false))
            {
                _metrics.UnmatchedResponse();
            }
        }
        catch (Exception e)
        {
            _logger.LogWarning(e, "Forwarding a stray 2xx failed");
        }
    }
}
