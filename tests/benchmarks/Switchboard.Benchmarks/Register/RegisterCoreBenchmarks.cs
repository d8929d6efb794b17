using System.Net;
using System.Text;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Time.Testing;
using Prometheus;
using Switchboard.Auth;
using Switchboard.Auth.BruteForce;
using Switchboard.Auth.Digest;
using Switchboard.Contracts.Sip;
using Switchboard.Registrar;
using Switchboard.Registrar.Location;
using Switchboard.Registrar.Registration;
using Switchboard.Signal;
using Switchboard.Signal.Auth;
using Switchboard.Signal.Handlers;
using Switchboard.Signal.Metrics;
using Switchboard.Signal.Registration;
using Switchboard.Transaction;
using Switchboard.Transaction.Options;

namespace Switchboard.Benchmarks.Register;

/// <summary>
/// One REGISTER (no auth) or one REGISTER pair (401 challenge, then Authorization → 200) through the whole server
/// core in process: parse, validate, transaction, handler chain, digest, registrar over the in-memory store,
/// response writing. Handlers run inline; the sender only counts. 10,000 users in rotation, a fake clock
/// advancing 1 ms per operation so Timer J retires transactions as in steady traffic.
/// The digest row includes the client side (parsing the 401 and computing the response, about 2 µs).
/// </summary>
[MemoryDiagnoser]
public class RegisterCoreBenchmarks
{
    private const int Users = 10_000;
    private static readonly SipFlow Flow = new(
        "edge-1", SipTransport.Udp, new IPEndPoint(IPAddress.Loopback, 5060), new IPEndPoint(IPAddress.Loopback, 5070), SipFlow.NoConnection);

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));
    private readonly CountingSender _sender = new();
    private TransactionContext? _transactions;
    private SipServerCore? _core;
    private long _n;

    [Params(false, true)]
    public bool Digest { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var options = new SignalOptions { ServerNames = ["127.0.0.1"], RequireAuthentication = Digest };
        var credentials = new BenchCredentials(Users);
        var store = new InMemoryLocationStore(_time);
        var registrar = new RegistrarServiceAdapter(
            new RegistrationService(store, Microsoft.Extensions.Options.Options.Create(new RegistrarOptions()), _time), store, _time);
        var authenticator = new SipAuthenticator(new AuthenticationOptions(), new CredentialLookupStore(credentials), _time);
        var metrics = new SignalMetrics(Metrics.WithCustomRegistry(Metrics.NewCustomRegistry()));
        var authorizer = new RegisterAuthorizer(authenticator, new BruteForceLimiter(new BruteForceOptions(), _time), metrics, _time, options);
        _transactions = new TransactionContext(
            new TransactionOptions { Server = { Processors = 0 }, Client = { Processors = 0 } }, _time);
        ISipRequestHandler[] handlers = [new RegisterHandler(credentials, registrar, authorizer, options)];
        _core = new SipServerCore(_sender, _transactions, new SipRequestHandlerChain(handlers), options, metrics);
    }

    [GlobalCleanup]
    public void Cleanup() => _transactions?.Dispose();

    [Benchmark(Description = "REGISTER through SipServerCore")]
    public int Register()
    {
        long n = ++_n;
        string user = "user" + (n % Users).ToString("D4");
        _time.Advance(TimeSpan.FromMilliseconds(1));
        if (!Digest)
        {
            Deliver(RegisterText(user, n, 1, null));
            return _sender.LastStatus;
        }

        Deliver(RegisterText(user, n, 1, null));
        string challenge = _sender.ChallengeMd5();
        var client = new DigestClient(user, "pw" + user[4..]);
        client.TryCreateAuthorization(challenge, "REGISTER", "sip:127.0.0.1:5060", default, out string? authorization, out _);
        Deliver(RegisterText(user, n, 2, authorization));
        return _sender.LastStatus;
    }

    /// <summary>One REGISTER without credentials: with Digest on, the sender's last response is then a 401.</summary>
    public void DeliverUnauthenticated()
    {
        long n = ++_n;
        Deliver(RegisterText("user" + (n % Users).ToString("D4"), n, 1, null));
    }

    /// <summary>
    /// The client side of <see cref="Register"/> alone (request texts and bytes, for a pair reading the last 401 and
    /// answering it), without delivering anything: what the harness adds to the bytes per operation.
    /// </summary>
    public int HarnessOnly()
    {
        long n = ++_n;
        string user = "user" + (n % Users).ToString("D4");
        int length = Encoding.ASCII.GetBytes(RegisterText(user, n, 1, null)).Length;
        if (!Digest)
        {
            return length;
        }

        string challenge = _sender.ChallengeMd5();
        var client = new DigestClient(user, "pw" + user[4..]);
        client.TryCreateAuthorization(challenge, "REGISTER", "sip:127.0.0.1:5060", default, out string? authorization, out _);
        return length + Encoding.ASCII.GetBytes(RegisterText(user, n, 2, authorization)).Length;
    }

    /// <summary>
    /// Heap bytes held per live server transaction in steady traffic: the heap with the table full (Timer J
    /// keeps about 32,000 completed transactions at one operation per simulated millisecond) minus the heap
    /// after the clock passed Timer J, divided by the transactions that left.
    /// </summary>
    public (int Transactions, long BytesEach) MeasureRetained()
    {
        int live = _core!.Server.Table.Count;
        long full = GC.GetTotalMemory(forceFullCollection: true);
        _time.Advance(TimeSpan.FromSeconds(40));
        int left = live - _core.Server.Table.Count;
        long empty = GC.GetTotalMemory(forceFullCollection: true);
        return (left, left == 0 ? 0 : (full - empty) / left);
    }

    private void Deliver(string text) =>
        _core!.OnMessage(new ReceivedMessage(Encoding.ASCII.GetBytes(text), Flow, _time.GetUtcNow()));

    private static string RegisterText(string user, long n, int cseq, string? authorization) =>
        "REGISTER sip:127.0.0.1:5060 SIP/2.0\r\n" +
        $"Via: SIP/2.0/UDP 127.0.0.1:5070;branch=z9hG4bK-{n}-{cseq}\r\n" +
        "Max-Forwards: 70\r\n" +
        $"From: <sip:{user}@127.0.0.1>;tag={n}R1\r\n" +
        $"To: <sip:{user}@127.0.0.1>\r\n" +
        $"Call-ID: {n}-bench@127.0.0.1\r\n" +
        $"CSeq: {cseq} REGISTER\r\n" +
        $"Contact: <sip:{user}@127.0.0.1:5070>\r\n" +
        (authorization is null ? "" : $"Authorization: {authorization}\r\n") +
        "Expires: 3600\r\nUser-Agent: sipp-bench\r\nContent-Length: 0\r\n\r\n";
}
