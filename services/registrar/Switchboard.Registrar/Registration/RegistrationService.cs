using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Switchboard.Registrar.Events;
using Switchboard.Registrar.Location;

namespace Switchboard.Registrar.Registration;

/// <summary>Saves, removes and lists bindings for a REGISTER (Kamailio registrar's save()). Given an
/// <see cref="IOptionsMonitor{TOptions}"/>, a settings change applies from the next REGISTER on: the options
/// and the expiry rules built from them are swapped as one snapshot, read once per request.</summary>
public sealed class RegistrationService : IRegistrar, IDisposable
{
    private readonly ILocationStore _store;
    private readonly TimeProvider _time;
    private readonly IRegistrarEvents _events;
    private readonly ILogger _logger;
    private readonly IDisposable? _onChange;
    private Rules _rules;
    private CachedDate? _date;

    /// <summary>Options fixed for the life of the registrar.</summary>
    public RegistrationService(
        ILocationStore store, IOptions<RegistrarOptions> options, TimeProvider time,
        IRegistrarEvents? events = null, ILogger<RegistrationService>? logger = null)
        : this(store, time, events, logger, options.Value)
    {
    }

    /// <summary>Options re-read when the configuration changes (run-time settings).</summary>
    public RegistrationService(
        ILocationStore store, IOptionsMonitor<RegistrarOptions> options, TimeProvider time,
        IRegistrarEvents? events = null, ILogger<RegistrationService>? logger = null)
        : this(store, time, events, logger, options.CurrentValue)
    {
        _onChange = options.OnChange(changed => Volatile.Write(ref _rules, new Rules(changed)));
    }

    private RegistrationService(
        ILocationStore store, TimeProvider time, IRegistrarEvents? events, ILogger? logger, RegistrarOptions options)
    {
        _logger = logger ?? NullLogger.Instance;
        _store = store;
        _time = time;
        _events = events ?? NullRegistrarEvents.Instance;
        _rules = new Rules(options);
    }

    public void Dispose() => _onChange?.Dispose();

    public RegisterResult Register(RegisterRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var rules = Volatile.Read(ref _rules);
        if (Validate(request, rules.Options) is { } invalid)
        {
            return invalid;
        }
        if (request.Contacts.Count == 0)
        {
            return Ok(request, _store.Lookup(request.Aor)); // a query: list, change nothing
        }
        List<PlannedContact>? plans = null;
        var refusal = HasWildcard(request)
            ? ValidateWildcard(request)
            : rules.Planner.TryPlan(request, out plans);
        if (refusal is not null)
        {
            return refusal;
        }
        var outcome = _store.Update(request.Aor, (this, request, plans, rules.Options),
            static (s, current) => s.Item1.Merge(s.request, s.plans, s.Options, current));
        if (outcome.Failure is not null)
        {
            return outcome.Failure;
        }
        Publish(outcome.Events);
        return Ok(request, outcome.Bindings);
    }

    // The bindings are committed by now; a failing event sink must not turn the 200 into an error.
    private void Publish(IReadOnlyList<RegistrarEvent> events)
    {
        for (var i = 0; i < events.Count; i++)
        {
            var registrarEvent = events[i];
            try
            {
                _events.Publish(registrarEvent);
            }
            catch (Exception ex)
            {
                _logger.LogError(ex, "Publishing {Event} for {Aor} failed", registrarEvent.GetType().Name, registrarEvent.Aor);
            }
        }
    }

    private BindingUpdate<MergeOutcome> Merge(
        RegisterRequest request, List<PlannedContact>? plans, RegistrarOptions options, IReadOnlyList<Binding> current)
    {
        var merger = new BindingMerger(request, current, _time.GetUtcNow());
        var failure = plans is null
            ? merger.RemoveAll()
            : merger.Apply(plans) ?? merger.EnforceLimit(options.MaxContactsPerAor, options.ContactLimitPolicy);
        if (failure is not null)
        {
            return BindingUpdate<MergeOutcome>.Unchanged(MergeOutcome.Refused(failure));
        }
        var bindings = merger.Bindings.ToArray();
        return new(bindings, new MergeOutcome(null, bindings, merger.Events()));
    }

    private static RegisterResult? Validate(RegisterRequest request, RegistrarOptions options)
    {
        if (string.IsNullOrEmpty(request.Aor) || string.IsNullOrEmpty(request.CallId) || request.CSeq < 0)
        {
            return RegisterResult.Fail(400, "Missing AOR, Call-ID or CSeq");
        }
        // RFC 3327 §5.3 allows refusing Path from a UA that did not announce support (Kamailio "strict").
        if (options.RejectPathWithoutSupport && request.Path.Count > 0 && !request.Supports("path"))
        {
            return RegisterResult.Fail(420, "Bad Extension", new KeyValuePair<string, string>("Unsupported", "path"));
        }
        return null;
    }

    // §10.3 step 6: "*" only alone and only with Expires: 0.
    private static RegisterResult? ValidateWildcard(RegisterRequest request)
    {
        if (request.Contacts.Count != 1)
        {
            return RegisterResult.Fail(400, "Wildcard Contact Must Be Alone");
        }
        return request.Expires == 0 ? null : RegisterResult.Fail(400, "Wildcard Contact Requires Expires: 0");
    }

    private RegisterResult Ok(RegisterRequest request, IReadOnlyList<Binding> bindings)
    {
        var now = _time.GetUtcNow();
        // A stable insertion sort: an AOR has a handful of bindings, and equal ones keep their stored order.
        var live = new List<Binding>(bindings.Count);
        for (var b = 0; b < bindings.Count; b++)
        {
            var binding = bindings[b];
            if (binding.IsExpiredAt(now))
            {
                continue;
            }
            var at = live.Count;
            while (at > 0 && BindingOrder.Instance.Compare(live[at - 1], binding) > 0)
            {
                at--;
            }
            live.Insert(at, binding);
        }
        var contacts = new RegisteredContact[live.Count];
        for (var i = 0; i < contacts.Length; i++)
        {
            contacts[i] = new RegisteredContact(live[i], live[i].RemainingSeconds(now));
        }
        var headers = new List<KeyValuePair<string, string>>(2) { new("Date", DateText(now)) };
        if (request.Supports("path"))
        {
            // RFC 3327 §5.3: the Path values go back to the UA (in order) only if it supports Path.
            for (var i = 0; i < request.Path.Count; i++)
            {
                headers.Add(new("Path", request.Path[i]));
            }
        }
        if (UsesOutbound(request))
        {
            headers.Add(new("Require", "outbound"));
        }
        return new RegisterResult(200, "OK", contacts, null, headers);
    }

    // The Date value changes once a second; thousands of REGISTERs a second share one string.
    private string DateText(DateTimeOffset now)
    {
        var second = now.ToUnixTimeSeconds();
        var cached = Volatile.Read(ref _date);
        if (cached is not null && cached.Second == second)
        {
            return cached.Text;
        }
        var text = now.ToString("r", CultureInfo.InvariantCulture);
        Volatile.Write(ref _date, new CachedDate(second, text));
        return text;
    }

    private sealed record CachedDate(long Second, string Text);

    /// <summary>One options value and the planner built from it, swapped together.</summary>
    private sealed class Rules(RegistrarOptions options)
    {
        public RegistrarOptions Options { get; } = options;

        public ContactPlanner Planner { get; } = new(new ExpiryPolicy(options));
    }

    // RFC 5626 §6: outbound applies when a Contact has instance + reg-id and the first hop (the top
    // Path entry, or this registrar when there is no Path) supports outbound (";ob").
    private static bool UsesOutbound(RegisterRequest request)
    {
        for (var i = 0; i < request.Contacts.Count; i++)
        {
            if (request.Contacts[i] is { RegId: not null, InstanceId: not null, IsWildcard: false })
            {
                return request.Path.Count == 0 || request.Path[0].Contains(";ob", StringComparison.OrdinalIgnoreCase);
            }
        }
        return false;
    }

    private static bool HasWildcard(RegisterRequest request)
    {
        for (var i = 0; i < request.Contacts.Count; i++)
        {
            if (request.Contacts[i].IsWildcard)
            {
                return true;
            }
        }
        return false;
    }
}
