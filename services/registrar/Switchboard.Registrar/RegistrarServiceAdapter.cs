using Switchboard.Registrar.Location;
using Switchboard.Registrar.Registration;
using Contract = Switchboard.Contracts.Registrar;

namespace Switchboard.Registrar;

/// <summary>
/// The registrar behind the Contracts boundary (<see cref="Contract.IRegistrarService"/>): maps the DTOs to the
/// registrar's own records and back, so callers never reference this project.
/// </summary>
public sealed class RegistrarServiceAdapter : Contract.IRegistrarService
{
    private readonly IRegistrar _registrar;
    private readonly ILocationService _location;
    private readonly TimeProvider _time;

    public RegistrarServiceAdapter(IRegistrar registrar, ILocationService location, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(registrar);
        ArgumentNullException.ThrowIfNull(location);
        ArgumentNullException.ThrowIfNull(time);
        _registrar = registrar;
        _location = location;
        _time = time;
    }

    public ValueTask<Contract.RegisterResult> RegisterAsync(Contract.RegisterRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var result = _registrar.Register(ToRegistrar(request));
        var contacts = new Contract.RegisteredContact[result.Contacts.Count];
        for (var i = 0; i < contacts.Length; i++)
        {
            var listed = result.Contacts[i];
            contacts[i] = new Contract.RegisteredContact(listed.Binding.ContactUri, listed.ExpiresSeconds, listed.ToHeaderValue());
        }
        return ValueTask.FromResult(new Contract.RegisterResult(result.StatusCode, result.ReasonPhrase, contacts, result.MinExpires, result.Headers));
    }

    public ValueTask<IReadOnlyList<Contract.ContactBinding>> LookupAsync(string aor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(aor);
        var now = _time.GetUtcNow();
        var bindings = _location.Lookup(aor);
        var found = new Contract.ContactBinding[bindings.Count];
        for (var i = 0; i < found.Length; i++)
        {
            var b = bindings[i];
            found[i] = new Contract.ContactBinding(
                b.Aor, b.ContactUri, b.RemainingSeconds(now), b.Q.SortKey, b.InstanceId, b.RegId, b.Path, ToContract(b.Flow));
        }
        return ValueTask.FromResult<IReadOnlyList<Contract.ContactBinding>>(found);
    }

    private static RegisterRequest ToRegistrar(Contract.RegisterRequest r)
    {
        var contacts = new RegisterContact[r.Contacts.Count];
        for (var i = 0; i < contacts.Length; i++)
        {
            var c = r.Contacts[i];
            contacts[i] = c.IsWildcard
                ? RegisterContact.Wildcard
                : new RegisterContact(c.Uri, false, c.Expires, c.Q, c.InstanceId, c.RegId, c.OtherParams);
        }
        var f = r.Flow;
        var flow = new Flow(f.EdgeId, f.Transport, f.LocalAddress, f.LocalPort, f.RemoteAddress, f.RemotePort, f.ConnectionId, f.Received, f.RPort);
        return new RegisterRequest(r.Aor, r.CallId, r.CSeq, r.Expires, contacts, r.Path, r.Supported, flow);
    }

    private static Contract.RegistrationFlow ToContract(Flow f) =>
        new(f.EdgeInstanceId, f.Transport, f.LocalAddress, f.LocalPort, f.RemoteAddress, f.RemotePort, f.ConnectionId, f.Received, f.RPort);
}
