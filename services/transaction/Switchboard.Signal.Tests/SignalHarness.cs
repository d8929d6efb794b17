using System.Net;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using Prometheus;
using Switchboard.Auth;
using Switchboard.Auth.BruteForce;
using Switchboard.Contracts.Sip;
using Switchboard.Registrar;
using Switchboard.Registrar.Location;
using Switchboard.Registrar.Registration;
using Switchboard.Signal.Auth;
using Switchboard.Signal.Handlers;
using Switchboard.Signal.Metrics;
using Switchboard.Signal.Registration;
using Switchboard.Signal.Tests.Doubles;
using Switchboard.Transaction;
using Switchboard.Transaction.Options;

namespace Switchboard.Signal.Tests;

/// <summary>
/// The server core with everything real except the edge (a recording sender), the router (recording doubles) and
/// the clock (fake): real transactions, real auth, real registrar over an in-memory store.
/// </summary>
internal sealed class SignalHarness : IDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);
    public static readonly IPEndPoint Local = new(IPAddress.Parse("10.0.0.1"), 5060);
    public static readonly IPEndPoint Remote = new(IPAddress.Parse("192.0.2.10"), 5070);

    public SignalHarness(
        Action<SignalOptions>? configure = null,
        Action<TransactionOptions>? transactions = null,
        Action<RegistrarOptions>? registrar = null,
        Action<BruteForceOptions>? limiter = null,
        params ISipRequestHandler[] firstHandlers)
    {
        configure?.Invoke(Options);
        var transactionOptions = new TransactionOptions { Server = { Processors = 0 }, Client = { Processors = 0 } };
        transactions?.Invoke(transactionOptions);
        var registrarOptions = new RegistrarOptions();
        registrar?.Invoke(registrarOptions);
        var limiterOptions = new BruteForceOptions();
        limiter?.Invoke(limiterOptions);

        Metrics = new SignalMetrics(Prometheus.Metrics.WithCustomRegistry(Prometheus.Metrics.NewCustomRegistry()));
        Store = new InMemoryLocationStore(Time);
        Registrar = new RegistrarServiceAdapter(
            new RegistrationService(Store, Microsoft.Extensions.Options.Options.Create(registrarOptions), Time), Store, Time);
        Authenticator = new SipAuthenticator(
            new AuthenticationOptions { AdvertiseDigest = Options.AdvertiseDigest, AdvertiseNtlm = Options.AdvertiseNtlm, NtlmTargetName = Options.NtlmTargetName },
            new CredentialLookupStore(Credentials), Time, new CredentialLookupStore(Credentials));
        Limiter = new BruteForceLimiter(limiterOptions, Time);
        Transactions = new TransactionContext(transactionOptions, Time);
        var identity = new ServerIdentity(Options);
        var authorizer = new RegisterAuthorizer(Authenticator, Limiter, Metrics, Time, Options);
        ISipRequestHandler[] handlers =
        [
            .. firstHandlers,
            new OptionsHandler(identity, Resolution, Options),
            new RegisterHandler(Resolution, Registrar, authorizer, Options),
            new NotYetServedHandler(Resolution, Registrar),
        ];
        Core = new SipServerCore(Sender, Transactions, new SipRequestHandlerChain(handlers), Options, Metrics);
    }

    public SignalOptions Options { get; } = new() { ServerNames = ["sip.example.com", "10.0.0.1"] };

    public FakeTimeProvider Time { get; } = new(Start);

    public RecordingSipSender Sender { get; } = new();

    public RecordingCredentialLookup Credentials { get; } = new RecordingCredentialLookup()
        .Add("alice", "example.com", "wonderland")
        .Add("bob", "example.com", "builder")
        .Add("watson", "example.com", "elementary");

    public RecordingAddressResolution Resolution { get; } = new RecordingAddressResolution()
        .Domain("example.com")
        .Account("alice", "example.com")
        .Account("bob", "example.com")
        .Account("watson", "example.com")
        .Account("user", "example.com");

    public InMemoryLocationStore Store { get; }

    public RegistrarServiceAdapter Registrar { get; }

    public SipAuthenticator Authenticator { get; }

    public BruteForceLimiter Limiter { get; }

    public TransactionContext Transactions { get; }

    public SignalMetrics Metrics { get; }

    public SipServerCore Core { get; }

    public static SipFlow Flow(SipTransport transport = SipTransport.Udp, IPEndPoint? remote = null, long connection = 0) =>
        new("edge-1", transport, Local, remote ?? Remote, transport == SipTransport.Udp ? SipFlow.NoConnection : connection);

    /// <summary>Delivers <paramref name="text"/> (lines joined with CRLF by the caller) as the edge would.</summary>
    public void Receive(string text, SipFlow? flow = null) =>
        Core.OnMessage(new ReceivedMessage(Encoding.UTF8.GetBytes(text), flow ?? Flow(), Time.GetUtcNow()));

    public void Receive(byte[] bytes, SipFlow? flow = null) =>
        Core.OnMessage(new ReceivedMessage(bytes, flow ?? Flow(), Time.GetUtcNow()));

    /// <summary>The messages sent since the last call.</summary>
    public IReadOnlyList<SentMessage> TakeSent()
    {
        var sent = Sender.Sent;
        Sender.Clear();
        return sent;
    }

    /// <summary>The single message sent since the last call.</summary>
    public SentMessage TakeSingle()
    {
        var sent = TakeSent();
        return Assert.Single(sent);
    }

    public static string Rfc4475(string name) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "rfc4475", name + ".dat"));

    public void Dispose() => Transactions.Dispose();
}
