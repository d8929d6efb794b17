using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Switchboard.Registrar.Location;
using Switchboard.Registrar.Registration;

namespace Switchboard.Registrar.Tests;

/// <summary>A registrar over an in-memory store on a fake clock, plus request builders.</summary>
internal sealed class RegistrarHarness
{
    public const string Aor = "sip:alice@example.com";

    public static readonly DateTimeOffset Start = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    public RegistrarHarness(Action<RegistrarOptions>? configure = null)
    {
        configure?.Invoke(Options);
        Store = new InMemoryLocationStore(Time);
        Registrar = new RegistrationService(Store, Microsoft.Extensions.Options.Options.Create(Options), Time, Events);
    }

    public RegistrarOptions Options { get; } = new();

    public FakeTimeProvider Time { get; } = new(Start);

    public RecordingRegistrarEvents Events { get; } = new();

    public InMemoryLocationStore Store { get; }

    public RegistrationService Registrar { get; }

    public static Flow EdgeFlow { get; } = new("edge-1", "UDP", "10.0.0.1", 5060, "198.51.100.7", 40123, "c-1", "198.51.100.7", 40123);

    public static RegisterRequest Request(string callId, long cseq, long? expires, params RegisterContact[] contacts) =>
        new(Aor, callId, cseq, expires, contacts, [], [], EdgeFlow);

    public static RegisterContact Contact(string uri, long? expires = null, string? q = null) => new(uri, Expires: expires, Q: q);

    public RegisterResult Register(string callId, long cseq, long? expires, params RegisterContact[] contacts) =>
        Registrar.Register(Request(callId, cseq, expires, contacts));

    public IReadOnlyList<string> LookupUris() => Store.Lookup(Aor).Select(b => b.ContactUri).ToArray();
}
