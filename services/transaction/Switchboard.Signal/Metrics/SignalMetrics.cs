using System.Collections.Concurrent;
using Prometheus;
using Switchboard.Transaction;
using Switchboard.Transaction.Metrics;

namespace Switchboard.Signal.Metrics;

/// <summary>The SIP server core's Prometheus series (<c>switchboard_signal_*</c>); plain counters are kept too for tests.</summary>
public sealed class SignalMetrics
{
    private readonly Counter _requests;
    private readonly Counter _responses;
    private readonly Counter _stateless;
    private readonly Counter _refused;
    private readonly Counter _challenges;
    private readonly Counter _authFailures;
    private readonly Counter _unmatchedResponses;
    private readonly Counter _dropped;
    private readonly Counter _sendFailures;
    private readonly Counter _handlerErrors;
    private readonly Counter _ackTimeouts;
    private readonly Gauge _liveServer;
    private readonly Gauge _liveClient;
    private readonly Gauge _settled;

    // Children looked up once: WithLabels(params string[]) allocates its array on every call.
    private readonly Counter.Child[] _responsesByClass;
    private readonly ConcurrentDictionary<string, Counter.Child> _requestsByMethod = new(StringComparer.Ordinal);

    public SignalMetrics(IMetricFactory factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        _requests = factory.CreateCounter("switchboard_signal_requests_total", "New SIP requests received, by method.", ["method"]);
        _responses = factory.CreateCounter("switchboard_signal_responses_sent_total", "Responses sent (first transmission), by status class.", ["class"]);
        _stateless = factory.CreateCounter("switchboard_signal_stateless_responses_total", "Responses sent without a transaction, by status.", ["status"]);
        _refused = factory.CreateCounter("switchboard_signal_refused_total", "Requests refused with 503 at the server transaction limit.");
        _challenges = factory.CreateCounter("switchboard_signal_auth_challenges_total", "401 challenges sent.");
        _authFailures = factory.CreateCounter("switchboard_signal_auth_failures_total", "Wrong, replayed or refused credentials.");
        _unmatchedResponses = factory.CreateCounter("switchboard_signal_unmatched_responses_total", "Responses matching no client transaction.");
        _dropped = factory.CreateCounter("switchboard_signal_dropped_total", "Messages dropped unanswered (unparsable responses, bad requests that cannot be answered).");
        _sendFailures = factory.CreateCounter("switchboard_signal_send_failures_total", "Messages the edge could not send.");
        _handlerErrors = factory.CreateCounter("switchboard_signal_handler_errors_total", "Request handlers that threw (answered 500).");
        _ackTimeouts = factory.CreateCounter("switchboard_signal_ack_timeouts_total", "Non-2xx final responses to INVITE never acknowledged (Timer H).");
        _liveServer = factory.CreateGauge("switchboard_signal_server_transactions", "Live server transactions.");
        _liveClient = factory.CreateGauge("switchboard_signal_client_transactions", "Live client transactions.");
        _settled = factory.CreateGauge("switchboard_signal_settled_transactions", "Completed transactions kept only to absorb retransmissions (server and client tables).");
        _responsesByClass = [.. ClassLabels.Select(label => _responses.WithLabels(label))];
    }

    public long Refused => (long)_refused.Value;

    public long UnmatchedResponses => (long)_unmatchedResponses.Value;

    public long Challenges => (long)_challenges.Value;

    public long AuthFailures => (long)_authFailures.Value;

    public long HandlerErrors => (long)_handlerErrors.Value;

    public long Dropped => (long)_dropped.Value;

    public long SendFailures => (long)_sendFailures.Value;

    public long LiveServerTransactions => (long)_liveServer.Value;

    public long SettledTransactions => (long)_settled.Value;

    public long Requests(string method) => (long)_requests.WithLabels(method).Value;

    public long StatelessResponses(int status) => (long)_stateless.WithLabels(StatusLabel(status)).Value;

    /// <summary>Counts a request; pass "other" for unknown methods so a peer cannot mint label values.</summary>
    public void RequestReceived(string method) =>
        _requestsByMethod.GetOrAdd(method, static (m, requests) => requests.WithLabels(m), _requests).Inc();

    public void ResponseSent(int status) => _responsesByClass[ClassIndex(status)].Inc();

    public void StatelessSent(int status)
    {
        _stateless.WithLabels(StatusLabel(status)).Inc();
        ResponseSent(status);
    }

    public void RefusedAtLimit() => _refused.Inc();

    public void ChallengeSent() => _challenges.Inc();

    public void AuthFailed() => _authFailures.Inc();

    public void UnmatchedResponse() => _unmatchedResponses.Inc();

    public void MessageDropped() => _dropped.Inc();

    public void SendFailed() => _sendFailures.Inc();

    public void HandlerFailed() => _handlerErrors.Inc();

    public void AckTimedOut() => _ackTimeouts.Inc();

    /// <summary>Copies the live counts of both layers (one shared context) into the gauges; called per message, reads four ints.</summary>
    public void UpdateLive(ITransactionMetrics transactions)
    {
        _liveServer.Set(transactions.Live(TransactionKind.ServerInvite) + transactions.Live(TransactionKind.ServerNonInvite));
        _liveClient.Set(transactions.Live(TransactionKind.ClientInvite) + transactions.Live(TransactionKind.ClientNonInvite));
    }

    /// <summary>Copies the settled (completed) entry count of the transaction tables into its gauge.</summary>
    public void UpdateSettled(int settled) => _settled.Set(settled);

    private static readonly string[] ClassLabels = ["1xx", "2xx", "3xx", "4xx", "5xx", "6xx"];

    private static int ClassIndex(int status) => status switch
    {
        < 200 => 0,
        < 300 => 1,
        < 400 => 2,
        < 500 => 3,
        < 600 => 4,
        _ => 5,
    };

    private static string StatusLabel(int status) => status.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
