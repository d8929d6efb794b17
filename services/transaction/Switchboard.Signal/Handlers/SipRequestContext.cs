using Switchboard.Contracts.Sip;
using Switchboard.Signal.Metrics;
using Switchboard.Sip;
using Switchboard.Sip.Writing;
using Switchboard.Transaction.Server;

namespace Switchboard.Signal.Handlers;

/// <summary>
/// A received request on its way through the handlers: the parsed message (owned by this context), the flow it came
/// on and its server transaction (null for an ACK, which has none and is never answered).
/// </summary>
public sealed class SipRequestContext
{
    private readonly SignalMetrics _metrics;
    private int _finalSent;

    internal SipRequestContext(SipMessage request, SipFlow flow, ServerTransaction? transaction, SignalMetrics metrics)
    {
        Request = request;
        Flow = flow;
        Transaction = transaction;
        _metrics = metrics;
        Method = ServerKeys.MethodOf(request);
    }

    public SipMessage Request { get; }

    public SipFlow Flow { get; }

    public ServerTransaction? Transaction { get; }

    /// <summary>The request-line method token (also for unknown methods).</summary>
    public string Method { get; }

    public bool IsAck => Request.Method == SipMethod.Ack;

    /// <summary>The methods the handler chain serves (for Allow headers); set by the chain.</summary>
    public SipMethod AllowedMethods { get; internal set; }

    /// <summary>Whether a final response went out through this context.</summary>
    public bool HasFinalResponse => Volatile.Read(ref _finalSent) != 0;

    /// <summary>
    /// Answers with <paramref name="statusCode"/> and the given extra headers (name, value; one line each), no body.
    /// False for an ACK, or when the transaction no longer takes a response.
    /// </summary>
    public bool Respond(int statusCode, string? reason = null, IReadOnlyList<KeyValuePair<string, string>>? headers = null)
    {
        if (Transaction is null)
        {
            return false;
        }

        ReadOnlyMemory<byte> bytes = Write(Request, statusCode, reason, headers);
        if (!Transaction.SendResponse(statusCode, bytes))
        {
            return false;
        }

        if (statusCode >= 200)
        {
            Volatile.Write(ref _finalSent, 1);
        }

        _metrics.ResponseSent(statusCode);
        return true;
    }

    /// <summary>A complete response to <paramref name="request"/> with our To tag (none on a 100).</summary>
    internal static ReadOnlyMemory<byte> Write(
        SipMessage request, int statusCode, string? reason, IReadOnlyList<KeyValuePair<string, string>>? headers)
    {
        // Written into a pooled buffer and copied once into an array of its exact size: the response lives as
        // long as its transaction (32 s of Timer J over UDP), so no slack is kept with it.
        using var output = new PooledResponseWriter(request.HeaderSectionLength + 512);
        Span<byte> tag = stackalloc byte[ToTags.Length];
        if (statusCode != 100)
        {
            ToTags.Compute(request, tag);
        }

        SipMessageWriter writer = SipResponseFactory.WriteResponseHead(request, statusCode, reason, statusCode == 100 ? default : tag, output);
        if (headers is not null)
        {
            // Indexed: foreach over the interface would box the list's enumerator on every response.
            for (int i = 0; i < headers.Count; i++)
            {
                writer.WriteHeader(headers[i].Key, headers[i].Value);
            }
        }

        writer.EndWithoutBody();
        return output.ToArray();
    }
}
