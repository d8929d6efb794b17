using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Switchboard.Contracts;
using Switchboard.Contracts.Media;
using Switchboard.Contracts.Registrar;
using Switchboard.Contracts.Routing;
using Switchboard.Proxy.Calls;
using Switchboard.Proxy.Context;
using Switchboard.Proxy.Forwarding;
using Switchboard.Proxy.Media;
using Switchboard.Proxy.Metrics;
using Switchboard.Proxy.Routing;
using Switchboard.Proxy.Security;
using Switchboard.Proxy.Targets;
using Switchboard.Proxy.Transport;
using Switchboard.Proxy.Validation;
using Switchboard.Sip;
using Switchboard.Sip.Headers;
using Switchboard.Sip.Parsing;

namespace Switchboard.Proxy;

/// <summary>
/// The RFC 3261 §16 stateful forking proxy: validates (§16.3), pre-processes routes (§16.4), applies the
/// security policy, builds the target set (§16.5), forwards one branch per target (§16.6) and runs a response
/// context per request (§16.7, §16.8 Timer C, §16.10 CANCEL). ACKs for 2xx and stray 2xx responses are forwarded
/// statelessly (§16.11, RFC 6026).
/// </summary>
public sealed partial class SipProxy
{
    private readonly ConcurrentDictionary<string, ProxyContext> _contexts = new(StringComparer.Ordinal);
    private readonly ProxyServices _services;
    private readonly ProxyRequestValidator _validator;
    private readonly LoopDetector _loops;
    private readonly RoutePreprocessor _routes;
    private readonly ProxySecurityPolicy _security;
    private readonly TargetSetBuilder _targets;
    private readonly IAddressResolutionService _router;
    private readonly Action<ProxyContext> _onClosed;

    public SipProxy(
        ProxyOptions options,
        IProxyTransport transport,
        IAddressResolutionService router,
        IRegistrarService registrar,
        IProxyAuthenticator authenticator,
        IEventPublisher? events,
        ProxyMetrics metrics,
        TimeProvider time,
        INextHopLocator? locator = null,
        ILogger<SipProxy>? logger = null,
        IMediaRelayControl? mediaRelay = null,
        IGatewayTrust? gatewayTrust = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(transport);
        ArgumentNullException.ThrowIfNull(router);
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentNullException.ThrowIfNull(time);
        options.Validate();
        var identity = new ProxyIdentity(options);
        ILogger log = (ILogger?)logger ?? NullLogger.Instance;
        _services = new ProxyServices(
            options, transport, locator ?? new LiteralNextHopLocator(), new RecordRoutePolicy(options, identity), identity,
            new BranchIds(), new SipParser(null), metrics, new CallRecorder(events, metrics, time, log), time, log,
            mediaRelay is not null && options.Media.Enabled ? new ProxyMedia(mediaRelay, options.Media, options.ForceRelaying, time, log, identity) : null);
        _loops = new LoopDetector(identity);
        _validator = new ProxyRequestValidator(options, _loops);
        _routes = new RoutePreprocessor(identity);
        _security = new ProxySecurityPolicy(options, identity, router, authenticator, gatewayTrust);
        _targets = new TargetSetBuilder(registrar);
        _router = router;
        _onClosed = OnContextClosed;
    }

    /// <summary>Response contexts still open.</summary>
    public int ActiveContexts => _contexts.Count;

    public CallRecorder Calls => _services.Calls;

    /// <summary>Handles a new request: ACK (stateless), CANCEL (against its INVITE's context) or any other method.</summary>
    public async ValueTask<ProxyOutcome> HandleAsync(ProxyRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        SipMessage message = request.Message;
        if (message.Method == SipMethod.Ack)
        {
            return await ForwardAckAsync(request, cancellationToken).ConfigureAwait(false);
        }

        if (request.Transaction is null)
        {
            return ProxyOutcome.Dropped;
        }

        if (message.Method == SipMethod.Cancel)
        {
            return Cancel(request);
        }

        if (IsAddressedToServer(message))
        {
            return ProxyOutcome.NotForwardable;
        }

        ulong loopHash = LoopDetector.ComputeHash(message);
        if (_validator.Validate(message, loopHash) is { } invalid)
        {
            return Answer(request, invalid);
        }

        RouteProcessing routing = _routes.Process(message);
        bool inDialog = HasToTag(message);
        SecurityDecision decision = await _security.CheckAsync(message, request.Source, routing, inDialog, cancellationToken).ConfigureAwait(false);
        if (decision.Rejection is { } refused)
        {
            return Answer(request, refused);
        }

        ProxyResponseSigner? signer = decision.Security is { } security ? new ProxyResponseSigner(security, _services.Parser) : null;
        TargetSet targets = await BuildTargetsAsync(message, routing, inDialog, cancellationToken).ConfigureAwait(false);
        return targets.Rejection is { } rejection ? Answer(request, rejection, signer) : Open(request, routing, loopHash, inDialog, targets, signer);
    }

    private ProxyOutcome Open(ProxyRequest request, RouteProcessing routing, ulong loopHash, bool inDialog, TargetSet targets, ProxyResponseSigner? signer)
    {
        SipMessage message = request.Message;
        string key = $"{ContextKeys.For(message)}|{System.Text.Encoding.ASCII.GetString(message.GetSpan(message.MethodRange))}";
        var context = new ProxyContext(_services, request, routing, loopHash, key, targets.Groups, _onClosed)
        {
            IsCall = message.Method == SipMethod.Invite && !inDialog,
            EndsCall = message.Method == SipMethod.Bye,
            Media = _services.Media?.ForRequest(message, request.Source, inDialog),
            Signer = signer,
        };
        if (!_contexts.TryAdd(key, context))
        {
            return ProxyOutcome.Dropped; // the server transaction absorbs retransmissions; a reused branch is not ours to serve
        }

        _services.Metrics.ContextOpened();
        if (context.EndsCall)
        {
            _services.Media?.OnBye(message);
        }

        if (context.IsCall)
        {
            _services.Calls.Started(context.CallId, NameOf(message, HeaderKind.From), NameOf(message, HeaderKind.To));
        }

        context.Start();
        return ProxyOutcome.Forwarded;
    }

    private void OnContextClosed(ProxyContext context)
    {
        if (_contexts.TryRemove(new KeyValuePair<string, ProxyContext>(context.Key, context)))
        {
            _services.Metrics.ContextClosed();
        }
    }

    /// <param name="signer">Signs the answer when the request was NTLM-authenticated (MS-SIPAE §3.3.5.3).</param>
    private ProxyOutcome Answer(ProxyRequest request, ProxyRejection rejection, ProxyResponseSigner? signer = null)
    {
        byte[] response = LocalResponses.Create(request.Message, rejection.StatusCode, rejection.Reason, rejection.Headers);
        response = signer?.Sign(response) ?? response;
        _services.Metrics.RequestRejected(rejection.StatusCode);
        if (request.Transaction?.SendResponse(rejection.StatusCode, response) == true)
        {
            _services.Metrics.ResponseSent(rejection.StatusCode);
        }

        return ProxyOutcome.Answered;
    }

    private static bool HasToTag(SipMessage message) =>
        message.TryGetTo(out SipNameAddress to) && to.GetTag(message.Span).IsPresent;

    /// <summary>The From or To URI, for events.</summary>
    private static string NameOf(SipMessage message, HeaderKind kind) =>
        message.TryGetFirst(kind, out SipHeader header) && message.TryGetNameAddress(header, out SipNameAddress address)
            ? message.GetString(address.Uri) ?? ""
            : "";
}
