using Microsoft.Extensions.Logging;
using Switchboard.Proxy.Calls;
using Switchboard.Proxy.Forwarding;
using Switchboard.Proxy.Metrics;
using Switchboard.Proxy.Routing;
using Switchboard.Proxy.Transport;
using Switchboard.Sip.Parsing;

namespace Switchboard.Proxy.Context;

/// <summary>The collaborators every response context shares (one instance per proxy).</summary>
internal sealed record ProxyServices(
    ProxyOptions Options,
    IProxyTransport Transport,
    INextHopLocator Locator,
    RecordRoutePolicy RecordRoutes,
    ProxyIdentity Identity,
    BranchIds Branches,
    SipParser Parser,
    ProxyMetrics Metrics,
    CallRecorder Calls,
    TimeProvider Time,
    ILogger Logger,
    Media.ProxyMedia? Media = null);
