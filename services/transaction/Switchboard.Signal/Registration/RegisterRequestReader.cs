using System.Net;
using System.Text;
using Switchboard.Contracts.Registrar;
using Switchboard.Contracts.Sip;
using Switchboard.Sip;
using Switchboard.Sip.Headers;

namespace Switchboard.Signal.Registration;

/// <summary>
/// Turns a validated REGISTER into the registrar's <see cref="RegisterRequest"/>: Contact URIs exactly as received
/// (cparam01's <c>;unknownparam</c> is a header param of an addr-spec, cparam02's is inside the URI, regescrt keeps
/// its escaped header), contact params in order, Path, Supported and the flow.
/// </summary>
internal static class RegisterRequestReader
{
    public static RegisterRequest Read(SipMessage message, string aor, SipFlow flow)
    {
        message.TryGetCallId(out SipRange callId);
        message.TryGetCSeq(out SipCSeq cseq);
        long? expires = message.TryGetUInt32(HeaderKind.Expires, out uint value) ? value : null;
        return new RegisterRequest(
            aor,
            message.GetString(callId) ?? string.Empty,
            cseq.Number,
            expires,
            ReadContacts(message),
            ReadValues(message, HeaderKind.Path),
            ReadValues(message, HeaderKind.Supported),
            ToFlow(message, flow));
    }

    private static List<RegisterContact> ReadContacts(SipMessage message)
    {
        var contacts = new List<RegisterContact>(1);
        foreach (SipHeader header in message.GetHeaders(HeaderKind.Contact))
        {
            if (message.TryGetContact(header, out SipContact contact))
            {
                contacts.Add(contact.IsStar ? RegisterContact.Wildcard : ReadContact(message, contact));
            }
        }

        return contacts;
    }

    private static RegisterContact ReadContact(SipMessage message, in SipContact contact)
    {
        ReadOnlySpan<byte> buffer = message.Span;
        string? q = null;
        string? instance = null;
        List<KeyValuePair<string, string?>>? others = null;
        foreach (SipParameter p in new SipParameterReader(buffer, contact.Address.Parameters))
        {
            string name = Encoding.UTF8.GetString(p.Name.Of(buffer));
            string? text = message.GetString(p.Value);
            if (name.Equals("q", StringComparison.OrdinalIgnoreCase))
            {
                q = text;
            }
            else if (name.Equals("+sip.instance", StringComparison.OrdinalIgnoreCase))
            {
                instance = text;
            }
            else if (!name.Equals("expires", StringComparison.OrdinalIgnoreCase) && !name.Equals("reg-id", StringComparison.OrdinalIgnoreCase))
            {
                (others ??= []).Add(new(name, text));
            }
        }

        return new RegisterContact(
            message.GetString(contact.Address.Uri)!,
            false,
            contact.Expires >= 0 ? contact.Expires : null,
            q,
            instance,
            contact.RegId >= 0 ? contact.RegId : null,
            others);
    }

    // Most REGISTERs carry no Path and no Supported: those get the shared empty list.
    private static IReadOnlyList<string> ReadValues(SipMessage message, HeaderKind kind)
    {
        if (!message.Contains(kind))
        {
            return [];
        }

        var values = new List<string>(1);
        foreach (SipHeader header in message.GetHeaders(kind))
        {
            values.Add(Encoding.UTF8.GetString(message.GetValue(header)));
        }

        return values;
    }

    private static RegistrationFlow ToFlow(SipMessage message, SipFlow flow)
    {
        string? received = null;
        int? rport = null;
        if (message.TryGetVia(out SipVia via))
        {
            received = message.GetString(via.Received);
            rport = via.HasRport && via.Rport > 0 ? via.Rport : null;
        }

        return new RegistrationFlow(
            flow.EdgeId,
            flow.Transport.ToViaToken(),
            Address(flow.Local),
            flow.Local.Port,
            Address(flow.Remote),
            flow.Remote.Port,
            flow.ConnectionId == SipFlow.NoConnection ? null : flow.ConnectionId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            received,
            rport);
    }

    private static string Address(IPEndPoint endPoint) =>
        (endPoint.Address.IsIPv4MappedToIPv6 ? endPoint.Address.MapToIPv4() : endPoint.Address).ToString();
}
