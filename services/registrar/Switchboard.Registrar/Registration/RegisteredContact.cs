using System.Text;
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
        var text = new StringBuilder(b.ContactUri.Length + 64);
        text.Append('<').Append(b.ContactUri).Append(">;expires=").Append(ExpiresSeconds);
        if (b.Q.IsSpecified)
        {
            text.Append(";q=").Append(b.Q.ToString());
        }
        if (b.InstanceId is not null)
        {
            text.Append(";+sip.instance=\"").Append(b.InstanceId).Append('"');
        }
        if (b.RegId is { } regId)
        {
            text.Append(";reg-id=").Append(regId);
        }
        foreach (var (name, value) in b.OtherParams)
        {
            text.Append(';').Append(name);
            if (value is not null)
            {
                text.Append('=').Append(value);
            }
        }
        return text.ToString();
    }
}
