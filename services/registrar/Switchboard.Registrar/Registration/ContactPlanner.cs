namespace Switchboard.Registrar.Registration;

/// <summary>Validates the Contact values of a (non-wildcard) REGISTER and grants each an expiry.
/// Nothing is stored here: any failure refuses the whole request (RFC 3261 §10.3: all or nothing).</summary>
internal sealed class ContactPlanner(ExpiryPolicy expiry)
{
    public RegisterResult? TryPlan(RegisterRequest request, out List<PlannedContact> plans)
    {
        plans = new List<PlannedContact>(request.Contacts.Count);
        if (request.Expires is < 0)
        {
            return RegisterResult.Fail(400, "Invalid Expires header");
        }
        var tooBrief = false;
        for (var i = 0; i < request.Contacts.Count; i++)
        {
            var contact = request.Contacts[i];
            if (string.IsNullOrWhiteSpace(contact.Uri))
            {
                return RegisterResult.Fail(400, "Empty Contact URI");
            }
            if (contact.Expires is < 0)
            {
                return RegisterResult.Fail(400, "Invalid Contact expires");
            }
            if (!Location.QValue.TryParse(contact.Q, out var q))
            {
                return RegisterResult.Fail(400, "Invalid Contact q value");
            }
            var granted = expiry.Grant(contact.Expires, request.Expires);
            if (granted is null)
            {
                tooBrief = true;
                continue;
            }
            var instance = NormalizeInstance(contact.InstanceId);
            plans.Add(new PlannedContact(
                contact.Uri, q, granted.Value, instance,
                instance is null ? null : contact.RegId, // RFC 5626: reg-id means nothing without an instance
                contact.OtherParams ?? []));
        }
        return tooBrief ? RegisterResult.IntervalTooBrief(expiry.MinimumSeconds) : null;
    }

    // +sip.instance arrives quoted ("<urn:uuid:...>"); compare and store it unquoted.
    private static string? NormalizeInstance(string? instance)
    {
        if (string.IsNullOrEmpty(instance))
        {
            return null;
        }
        return instance.Length >= 2 && instance[0] == '"' && instance[^1] == '"' ? instance[1..^1] : instance;
    }
}
