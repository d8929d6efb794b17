using Switchboard.Registrar.Location;

namespace Switchboard.Registrar.Registration;

/// <summary>A binding as listed in a 200 to REGISTER, with the expiry the registrar chose.</summary>
public sealed record RegisteredContact(Binding Binding, long ExpiresSeconds)
{
    /// <summary>The Contact header value: the URI exactly as registered, then expires, q, instance, reg-id
    /// and the unknown params the UA sent.</summary>
    public string ToHeaderValue()
    {
        var b = Binding;
        var text = new ContactText(stackalloc char[256]);
        text.Append('<');
        text.Append(b.ContactUri);
        text.Append(">;expires=");
        text.Append(ExpiresSeconds);
        if (b.Q.IsSpecified)
        {
            text.Append(";q=");
            text.Append(b.Q.ToString());
        }
        if (b.InstanceId is not null)
        {
            text.Append(";+sip.instance=\"");
            text.Append(b.InstanceId);
            text.Append('"');
        }
        if (b.RegId is { } regId)
        {
            text.Append(";reg-id=");
            text.Append(regId);
        }
        for (var i = 0; i < b.OtherParams.Count; i++)
        {
            var (name, value) = b.OtherParams[i];
            text.Append(';');
            text.Append(name);
            if (value is not null)
            {
                text.Append('=');
                text.Append(value);
            }
        }
        return text.ToStringAndDispose();
    }
}
