using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Switchboard.Contracts.Gateway;
using Switchboard.Contracts.Sip;
using Switchboard.Proxy;
using Switchboard.Proxy.Routing;
using Switchboard.Signal.Proxying;
using Switchboard.Sip.Parsing;
using Switchboard.Transaction.Client;
using Switchboard.Transaction.Keys;

namespace Switchboard.Signal.Client;

/// <summary>
/// <see cref="ISipClientRequests"/> on the server core: the request goes out as a UAC through a non-INVITE client
/// transaction of the core's <see cref="ClientTransactionLayer"/> (Timer E retransmissions over UDP, Timer F → 408)
/// and the edge's sender; the core matches the responses by branch and CSeq method. INVITE is refused: a UAC INVITE
/// needs a dialog (ACK for 2xx, CANCEL), which is the proxy's business, not this one-shot API's.
/// </summary>
public sealed class SipClientRequestSender : ISipClientRequests
{
    private readonly Lazy<SipServerCore> _core;
    private readonly ProxyIdentity _identity;
    private readonly SipParser _parser;
    private readonly Func<string, CancellationToken, Task<IPAddress[]>> _resolve;
    private readonly ILogger _logger;

    /// <param name="core">Resolved on first use (the core and the services that use this sender are built together).</param>
    /// <param name="options">Our advertised host and ports, written in the Via sent-by (as the proxy writes them).</param>
    /// <param name="resolve">A/AAAA look-up of a destination that is a name; default: the system resolver.</param>
    public SipClientRequestSender(
        Func<SipServerCore> core,
        ProxyOptions options,
        SipParser? parser = null,
        Func<string, CancellationToken, Task<IPAddress[]>>? resolve = null,
        ILogger<SipClientRequestSender>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(core);
        ArgumentNullException.ThrowIfNull(options);
        _core = new Lazy<SipServerCore>(core, LazyThreadSafetyMode.ExecutionAndPublication);
        _identity = new ProxyIdentity(options);
        _parser = parser ?? new SipParser(null);
        _resolve = resolve ?? Dns.GetHostAddressesAsync;
        _logger = logger ?? NullLogger<SipClientRequestSender>.Instance;
    }

    public async ValueTask<SipClientResponse> SendAsync(SipClientRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (Refusal(request) is { } refusal)
        {
            return SipClientResponse.Failed(refusal);
        }

        IPEndPoint? destination = await LocateAsync(request.Destination, cancellationToken).ConfigureAwait(false);
        if (destination is null)
        {
            return SipClientResponse.Failed($"cannot resolve {request.Destination.Host}");
        }

        string branch = "z9hG4bKsbc" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        string via = ClientRequestWriter.Via(_identity.CreateVia(request.Destination.Transport, branch));
        byte[]? bytes = ClientRequestWriter.TryWrite(request, via, out string? error);
        if (bytes is null)
        {
            return SipClientResponse.Failed(error!);
        }

        var pending = new PendingClientRequest(_parser);
        if (!Start(request, branch, bytes, destination, pending))
        {
            return SipClientResponse.Failed("the client transaction limit is reached");
        }

        return await pending.Result.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    private bool Start(SipClientRequest request, string branch, byte[] bytes, IPEndPoint destination, PendingClientRequest pending)
    {
        SipServerCore core = _core.Value;
        var transport = new ClientFlowTransport(core.Outbound, SendTarget.ToAddress(destination, request.Destination.Transport));
        ClientStartResult result = core.Client.Start(
            TransactionKey.ForClient(branch, request.Method), isInvite: false, bytes, transport, pending, out ClientTransaction? transaction);
        if (result != ClientStartResult.Started)
        {
            _logger.LogWarning("{Method} to {Destination} not sent: {Result}", request.Method, request.Destination, result);
            return false;
        }

        transport.Attach(transaction!);
        return true;
    }

    private static string? Refusal(SipClientRequest request)
    {
        if (request.Method is "INVITE" or "ACK" or "CANCEL")
        {
            return $"{request.Method} cannot be sent as a one-shot client request";
        }

        string? cseqMethod = ClientRequestWriter.CSeqMethod(request);
        if (cseqMethod is not null && !string.Equals(cseqMethod, request.Method, StringComparison.Ordinal))
        {
            return $"the CSeq method {cseqMethod} differs from {request.Method}";
        }

        return request.Destination.Port is < 1 or > 65535 ? $"port {request.Destination.Port} is out of range" : null;
    }

    private async ValueTask<IPEndPoint?> LocateAsync(SipClientDestination destination, CancellationToken cancellationToken)
    {
        string host = destination.Host.Length > 1 && destination.Host[0] == '[' ? destination.Host[1..^1] : destination.Host;
        if (IPAddress.TryParse(host, out IPAddress? address))
        {
            return new IPEndPoint(address, destination.Port);
        }

        try
        {
            IPAddress[] addresses = await _resolve(host, cancellationToken).ConfigureAwait(false);
            IPAddress? first = addresses.OrderBy(a => a.AddressFamily == AddressFamily.InterNetwork ? 0 : 1).FirstOrDefault();
            return first is null ? null : new IPEndPoint(first, destination.Port);
        }
        catch (SocketException)
        {
            return null;
        }
    }
}
