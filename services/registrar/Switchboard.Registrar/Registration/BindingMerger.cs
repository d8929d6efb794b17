using Switchboard.Registrar.Events;
using Switchboard.Registrar.Location;

namespace Switchboard.Registrar.Registration;

/// <summary>Applies one REGISTER to an AOR's current bindings (RFC 3261 §10.3 steps 6–7, RFC 5626 §6),
/// working on a copy so a refusal leaves the AOR untouched. Runs under the AOR lock.</summary>
internal sealed class BindingMerger
{
    private readonly RegisterRequest _request;
    private readonly IReadOnlyList<Binding> _current;
    private readonly DateTimeOffset _now;
    private readonly List<Binding> _working;

    // Bindings made by this request → the stored binding each descends from (null when new). Any other working
    // binding is a stored one, untouched: its own origin. A REGISTER makes a handful, so a list is scanned.
    private List<(Binding Binding, Binding? Origin)>? _made;
    private HashSet<Binding>? _droppedForLimit; // made only when the contact limit drops bindings
    private bool _wildcard;

    public BindingMerger(RegisterRequest request, IReadOnlyList<Binding> current, DateTimeOffset now)
    {
        _request = request;
        _current = current;
        _now = now;
        _working = new List<Binding>(current.Count + 1);
        for (var i = 0; i < current.Count; i++)
        {
            _working.Add(current[i]);
        }
    }

    public IReadOnlyList<Binding> Bindings => _working;

    /// <summary><c>Contact: *</c>: remove everything, unless a binding was set by a later request of the
    /// same Call-ID (§10.3 step 6: then the update is aborted).</summary>
    public RegisterResult? RemoveAll()
    {
        for (var i = 0; i < _current.Count; i++)
        {
            if (IsNewerThanRequest(_current[i]))
            {
                return OutOfOrder();
            }
        }
        _working.Clear();
        _wildcard = true;
        return null;
    }

    public RegisterResult? Apply(IReadOnlyList<PlannedContact> plans)
    {
        for (var p = 0; p < plans.Count; p++)
        {
            var plan = plans[p];
            var index = FindMatch(plan);
            if (index < 0)
            {
                if (!plan.IsRemoval)
                {
                    Add(Create(plan), origin: null);
                }
                continue;
            }
            var existing = _working[index];
            var origin = OriginOf(existing);
            if (ReferenceEquals(origin, existing) && IsNewerThanRequest(existing))
            {
                return OutOfOrder();
            }
            _working.RemoveAt(index);
            if (!plan.IsRemoval)
            {
                Add(Refresh(existing, plan), origin);
            }
        }
        return null;
    }

    /// <summary>Keeps the AOR within <paramref name="max"/> bindings (0: unlimited).</summary>
    public RegisterResult? EnforceLimit(int max, ContactLimitPolicy policy)
    {
        if (max <= 0 || _working.Count <= max || _working.Count <= _current.Count)
        {
            return null; // a request that does not add bindings is never refused for the limit
        }
        if (policy == ContactLimitPolicy.DropOldest)
        {
            var untouched = _working.Where(b => ReferenceEquals(OriginOf(b), b))
                .OrderBy(b => b.UpdatedAt).ThenBy(b => b.RegisteredAt).ToList();
            for (var i = 0; i < untouched.Count && _working.Count > max; i++)
            {
                _working.Remove(untouched[i]);
                (_droppedForLimit ??= new(ReferenceEqualityComparer.Instance)).Add(untouched[i]);
            }
        }
        return _working.Count > max ? RegisterResult.Fail(403, "Too Many Contacts") : null;
    }

    public IReadOnlyList<RegistrarEvent> Events()
    {
        var events = new List<RegistrarEvent>(_working.Count);
        foreach (var binding in _working)
        {
            var origin = OriginOf(binding);
            if (origin is null)
            {
                events.Add(new ContactRegistered(binding));
            }
            else if (!ReferenceEquals(origin, binding))
            {
                events.Add(new ContactRefreshed(binding, origin));
            }
        }
        // An AOR holds a handful of bindings: a scan per stored binding beats building a set.
        for (var i = 0; i < _current.Count; i++)
        {
            var binding = _current[i];
            if (!Survives(binding))
            {
                events.Add(new ContactRemoved(binding, RemovalReason(binding)));
            }
        }
        return events;
    }

    private Binding? OriginOf(Binding working)
    {
        if (_made is not null)
        {
            foreach (var (binding, origin) in _made)
            {
                if (ReferenceEquals(binding, working))
                {
                    return origin;
                }
            }
        }
        return working;
    }

    private bool Survives(Binding stored)
    {
        foreach (var binding in _working)
        {
            if (ReferenceEquals(OriginOf(binding), stored))
            {
                return true;
            }
        }
        return false;
    }

    private ContactRemovalReason RemovalReason(Binding binding) =>
        _droppedForLimit?.Contains(binding) == true ? ContactRemovalReason.ContactLimit
        : _wildcard ? ContactRemovalReason.Wildcard
        : ContactRemovalReason.Unregistered;

    // RFC 5626 §6: with +sip.instance the binding is found by instance (and reg-id) even if the URI
    // changed; otherwise by the Contact URI. URIs compare byte for byte, as Kamailio's usrloc does.
    private int FindMatch(PlannedContact plan)
    {
        if (plan.InstanceId is not null)
        {
            for (var i = 0; i < _working.Count; i++)
            {
                var b = _working[i];
                if (string.Equals(b.InstanceId, plan.InstanceId, StringComparison.Ordinal) && b.RegId == plan.RegId)
                {
                    return i;
                }
            }
        }
        return IndexOfUri(plan.Uri);
    }

    private int IndexOfUri(string uri)
    {
        for (var i = 0; i < _working.Count; i++)
        {
            if (string.Equals(_working[i].ContactUri, uri, StringComparison.Ordinal))
            {
                return i;
            }
        }
        return -1;
    }

    private void Add(Binding binding, Binding? origin)
    {
        // An instance that moved onto a URI another binding holds takes that URI over.
        var clash = IndexOfUri(binding.ContactUri);
        if (clash >= 0)
        {
            _working.RemoveAt(clash);
        }
        _working.Add(binding);
        (_made ??= new(1)).Add((binding, origin));
    }

    private bool IsNewerThanRequest(Binding binding) =>
        string.Equals(binding.CallId, _request.CallId, StringComparison.Ordinal) && _request.CSeq <= binding.CSeq;

    private Binding Create(PlannedContact plan) => Create(plan, _now);

    private Binding Create(PlannedContact plan, DateTimeOffset registeredAt) => new(
        _request.Aor, plan.Uri, plan.Q, _now.AddSeconds(plan.ExpiresSeconds), _request.CallId, _request.CSeq,
        plan.InstanceId, plan.RegId, _request.Path, _request.Flow, plan.OtherParams, registeredAt, _now);

    private Binding Refresh(Binding existing, PlannedContact plan) => Create(plan, existing.RegisteredAt);

    // §10.3 step 7 says only that "the request fails"; 500 is the code §10.3 names for a failed
    // update and what other registrars (JAIN-SIP's reference registrar) send.
    private static RegisterResult OutOfOrder() => RegisterResult.Fail(500, "Out of Order REGISTER");
}
