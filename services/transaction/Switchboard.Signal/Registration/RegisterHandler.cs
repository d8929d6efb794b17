using System.Text;
using Switchboard.Contracts.Registrar;
using Switchboard.Contracts.Routing;
using Switchboard.Signal.Auth;
using Switchboard.Signal.Handlers;
using Switchboard.Sip;
using Switchboard.Sip.Headers;
using Switchboard.Sip.Uris;

namespace Switchboard.Signal.Registration;

/// <summary>
/// REGISTER (RFC 3261 §10.3): the To domain must be local, the sender authenticated as the To user (unless
/// <see cref="SignalOptions.RequireAuthentication"/> is off), then the registrar decides and we write its answer.
/// </summary>
public sealed class RegisterHandler : ISipRequestHandler
{
    private readonly IAddressResolutionService _resolution;
    private readonly IRegistrarService _registrar;
    private readonly RegisterAuthorizer _authorizer;
    private readonly bool _requireAuthentication;

    public RegisterHandler(IAddressResolutionService resolution, IRegistrarService registrar, RegisterAuthorizer authorizer, SignalOptions options)
    {
        ArgumentNullException.ThrowIfNull(resolution);
        ArgumentNullException.ThrowIfNull(registrar);
        ArgumentNullException.ThrowIfNull(authorizer);
        ArgumentNullException.ThrowIfNull(options);
        _resolution = resolution;
        _registrar = registrar;
        _authorizer = authorizer;
        _requireAuthentication = options.RequireAuthentication;
    }

    public SipMethod Methods => SipMethod.Register;

    public async ValueTask<bool> TryHandleAsync(SipRequestContext context, CancellationToken cancellationToken)
    {
        if (context.Request.Method != SipMethod.Register)
        {
            return false;
        }

        if (!TryGetAddressOfRecord(context.Request, out string user, out string domain))
        {
            context.Respond(400, "Bad To Address");
            return true;
        }

        if (!await _resolution.IsLocalDomainAsync(domain, cancellationToken).ConfigureAwait(false))
        {
            context.Respond(403, "Domain Not Served Here");
            return true;
        }

        RegisterAuthorization authorization = _requireAuthentication
            ? await _authorizer.AuthorizeAsync(context, user, domain, cancellationToken).ConfigureAwait(false)
            : new RegisterAuthorization(true);
        if (!authorization.Allowed)
        {
            return true;
        }

        RegisterRequest request = RegisterRequestReader.Read(context.Request, $"sip:{user}@{domain}", context.Flow);
        RegisterResult result = await _registrar.RegisterAsync(request, cancellationToken).ConfigureAwait(false);
        List<KeyValuePair<string, string>> headers = ResponseHeaders(result);
        if (authorization.Signer is { } signer)
        {
            // MS-SIPAE §3.3.5.3: a response to an NTLM-authenticated request carries the server's signature.
            string expires = headers.FirstOrDefault(h => h.Key.Equals("Expires", StringComparison.OrdinalIgnoreCase)).Value ?? string.Empty;
            headers.Add(new("Authentication-Info", signer.SignResponse(SipSignatureFieldsReader.ForResponse(context.Request, result.StatusCode, expires))));
        }

        context.Respond(result.StatusCode, result.ReasonPhrase, headers);
        return true;
    }

    /// <summary>The AOR parts from To: the user as decoded, the host lower-cased (RFC 3261 §10.3 step 5).</summary>
    private static bool TryGetAddressOfRecord(SipMessage request, out string user, out string domain)
    {
        user = domain = string.Empty;
        // A view over the received bytes: no copy of the URI, only the two strings the AOR needs.
        if (!request.TryGetTo(out SipNameAddress to) || !SipUriView.TryParse(request.GetSpan(to.Uri), out SipUriView uri)
            || !uri.HasUser || uri.Scheme is not (UriScheme.Sip or UriScheme.Sips))
        {
            return false;
        }

        string name = PercentEncoding.Decode(uri.User);
        if (name.Length == 0)
        {
            return false;
        }

        user = name;
        domain = Encoding.ASCII.GetString(uri.Host).ToLowerInvariant();
        return true;
    }

    private static List<KeyValuePair<string, string>> ResponseHeaders(RegisterResult result)
    {
        // Room for the Authentication-Info an NTLM-signed answer adds; indexed loops, no boxed enumerators.
        var headers = new List<KeyValuePair<string, string>>(result.Contacts.Count + result.Headers.Count + 1);
        for (int i = 0; i < result.Contacts.Count; i++)
        {
            headers.Add(new("Contact", result.Contacts[i].HeaderValue));
        }

        for (int i = 0; i < result.Headers.Count; i++)
        {
            headers.Add(result.Headers[i]);
        }

        return headers;
    }
}
