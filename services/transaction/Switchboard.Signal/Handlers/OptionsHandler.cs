using System.Reflection;
using System.Text;
using Switchboard.Contracts.Routing;
using Switchboard.Sip;
using Switchboard.Sip.Uris;

namespace Switchboard.Signal.Handlers;

/// <summary>
/// OPTIONS addressed to this server (RFC 3261 §11.2): the Request-URI host is one of our names or addresses or a
/// local domain. Until the proxy exists any user part counts as "us" too. Answers 200 with our capabilities.
/// </summary>
public sealed class OptionsHandler : ISipRequestHandler
{
    private readonly ServerIdentity _identity;
    private readonly IAddressResolutionService _resolution;
    private readonly string _supported;
    private readonly string _server;

    public OptionsHandler(ServerIdentity identity, IAddressResolutionService resolution, SignalOptions options)
    {
        ArgumentNullException.ThrowIfNull(identity);
        ArgumentNullException.ThrowIfNull(resolution);
        ArgumentNullException.ThrowIfNull(options);
        _identity = identity;
        _resolution = resolution;
        _supported = string.Join(", ", options.SupportedOptionTags);
        _server = $"{options.ProductName}/{Version}";
    }

    public SipMethod Methods => SipMethod.Options;

    /// <summary>
    /// A keep-alive ping to the server itself (no user part, our host): answered without a transaction, as
    /// Kamailio's <c>sl_send_reply</c> does — a retransmission just gets the same 200 again, and no 32 s Timer J
    /// state is kept per ping. Returns the 200's headers, or null when the request is not such a ping.
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, string>>? StatelessAnswer(SipUri requestUri, System.Net.IPEndPoint local, SipMethod allowed)
    {
        if (requestUri.User is not null || !_identity.IsSelf(requestUri.Host, local))
        {
            return null;
        }

        return _statelessHeaders ??= Capabilities(allowed);
    }

    private IReadOnlyList<KeyValuePair<string, string>>? _statelessHeaders;

    private KeyValuePair<string, string>[] Capabilities(SipMethod allowed) =>
    [
        new("Allow", FormatMethods(allowed)),
        new("Accept", "application/sdp"),
        new("Accept-Encoding", "identity"),
        new("Accept-Language", "en"),
        new("Supported", _supported),
        new("Server", _server),
    ];

    public async ValueTask<bool> TryHandleAsync(SipRequestContext context, CancellationToken cancellationToken)
    {
        SipMessage request = context.Request;
        if (request.Method != SipMethod.Options || !SipUri.TryParse(request.GetSpan(request.RequestUri), out SipUri? uri))
        {
            return false;
        }

        if (!_identity.IsSelf(uri.Host, context.Flow.Local)
            && !await _resolution.IsLocalDomainAsync(uri.Host.ToLowerInvariant(), cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        context.Respond(200, null, Capabilities(context.AllowedMethods));
        return true;
    }

    internal static string FormatMethods(SipMethod methods)
    {
        var text = new StringBuilder();
        foreach (SipMethod method in Enum.GetValues<SipMethod>())
        {
            if (method is SipMethod.None or SipMethod.Unknown || (methods & method) == 0)
            {
                continue;
            }

            text.Append(text.Length == 0 ? "" : ", ").Append(Encoding.ASCII.GetString(SipMethods.GetBytes(method)));
        }

        return text.ToString();
    }

    private static string Version =>
        typeof(OptionsHandler).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? typeof(OptionsHandler).Assembly.GetName().Version?.ToString(3)
        ?? "0";
}
