using Switchboard.Contracts.Registrar;

namespace Switchboard.Proxy.Tests.Doubles;

/// <summary>Bindings per AOR in memory; records look-ups. REGISTER itself is not the proxy's business: refused.</summary>
internal sealed class RecordingRegistrar : IRegistrarService
{
    public Dictionary<string, List<ContactBinding>> Bindings { get; } = new(StringComparer.OrdinalIgnoreCase);

    public List<string> Lookups { get; } = [];

    public RecordingRegistrar Add(string aor, string contact, int q = 1000, RegistrationFlow? flow = null, params string[] path)
    {
        if (!Bindings.TryGetValue(aor, out List<ContactBinding>? list))
        {
            Bindings[aor] = list = [];
        }

        list.Add(new ContactBinding(aor, contact, 3600, q, null, null, path, flow ?? UdpFlow(contact)));
        return this;
    }

    public ValueTask<RegisterResult> RegisterAsync(RegisterRequest request, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(RegisterResult.Fail(403, "Not A Registrar"));

    public ValueTask<IReadOnlyList<ContactBinding>> LookupAsync(string aor, CancellationToken cancellationToken = default)
    {
        Lookups.Add(aor);
        IReadOnlyList<ContactBinding> found = Bindings.TryGetValue(aor, out List<ContactBinding>? list)
            ? list.OrderByDescending(b => b.QThousandths).ToList()
            : [];
        return ValueTask.FromResult(found);
    }

    /// <summary>A UDP flow from exactly the Contact's address (no NAT).</summary>
    public static RegistrationFlow UdpFlow(string contact)
    {
        var uri = Switchboard.Sip.Uris.SipUri.Parse(contact);
        return new RegistrationFlow("edge-1", "UDP", "192.0.2.1", 5060, uri.Host, uri.EffectivePort);
    }
}
