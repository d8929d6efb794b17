using Contract = Switchboard.Contracts.Registrar;
using Proto = Switchboard.Protos.Registrar;

namespace Switchboard.Protos.Clients;

/// <summary>Contracts ↔ registrar.proto, both ways (the client adapter and the registrar's server use it).</summary>
public static class RegistrarMessages
{
    public static Proto.RegisterRequest ToProto(Contract.RegisterRequest request, ulong id)
    {
        var message = new Proto.RegisterRequest
        {
            Id = id,
            Aor = request.Aor,
            CallId = request.CallId,
            Cseq = request.CSeq,
            Flow = ToProto(request.Flow),
        };
        if (request.Expires is { } expires)
            message.Expires = expires;
        message.Contacts.AddRange(request.Contacts.Select(ToProto));
        message.Path.AddRange(request.Path);
        message.Supported.AddRange(request.Supported);
        return message;
    }

    public static Contract.RegisterRequest FromProto(Proto.RegisterRequest message) => new(
        message.Aor,
        message.CallId,
        message.Cseq,
        message.HasExpires ? message.Expires : null,
        [.. message.Contacts.Select(FromProto)],
        [.. message.Path],
        [.. message.Supported],
        FromProto(message.Flow ?? new Proto.RegistrationFlow()));

    public static Proto.RegisterResponse ToProto(Contract.RegisterResult result, ulong id)
    {
        var message = new Proto.RegisterResponse { Id = id, StatusCode = result.StatusCode, ReasonPhrase = result.ReasonPhrase };
        if (result.MinExpires is { } minExpires)
            message.MinExpires = minExpires;
        message.Contacts.AddRange(result.Contacts.Select(c =>
            new Proto.RegisteredContact { ContactUri = c.ContactUri, ExpiresSeconds = c.ExpiresSeconds, HeaderValue = c.HeaderValue }));
        message.Headers.AddRange(result.Headers.Select(h => new Proto.Header { Name = h.Key, Value = h.Value }));
        return message;
    }

    public static Contract.RegisterResult FromProto(Proto.RegisterResponse message) => new(
        message.StatusCode,
        message.ReasonPhrase,
        [.. message.Contacts.Select(c => new Contract.RegisteredContact(c.ContactUri, c.ExpiresSeconds, c.HeaderValue))],
        message.HasMinExpires ? message.MinExpires : null,
        [.. message.Headers.Select(h => new KeyValuePair<string, string>(h.Name, h.Value))]);

    public static Proto.ContactBinding ToProto(Contract.ContactBinding binding)
    {
        var message = new Proto.ContactBinding
        {
            Aor = binding.Aor,
            ContactUri = binding.ContactUri,
            ExpiresSeconds = binding.ExpiresSeconds,
            QThousandths = binding.QThousandths,
            Flow = ToProto(binding.Flow),
        };
        if (binding.InstanceId is not null)
            message.InstanceId = binding.InstanceId;
        if (binding.RegId is { } regId)
            message.RegId = regId;
        message.Path.AddRange(binding.Path);
        return message;
    }

    public static Contract.ContactBinding FromProto(Proto.ContactBinding message) => new(
        message.Aor,
        message.ContactUri,
        message.ExpiresSeconds,
        message.QThousandths,
        message.HasInstanceId ? message.InstanceId : null,
        message.HasRegId ? message.RegId : null,
        [.. message.Path],
        FromProto(message.Flow ?? new Proto.RegistrationFlow()));

    private static Proto.RegisterContact ToProto(Contract.RegisterContact contact)
    {
        var message = new Proto.RegisterContact { Uri = contact.Uri, IsWildcard = contact.IsWildcard };
        if (contact.Expires is { } expires)
            message.Expires = expires;
        if (contact.Q is not null)
            message.Q = contact.Q;
        if (contact.InstanceId is not null)
            message.InstanceId = contact.InstanceId;
        if (contact.RegId is { } regId)
            message.RegId = regId;
        foreach (var (name, value) in contact.OtherParams ?? [])
            message.OtherParams.Add(value is null ? new Proto.ContactParam { Name = name } : new Proto.ContactParam { Name = name, Value = value });
        return message;
    }

    private static Contract.RegisterContact FromProto(Proto.RegisterContact message) => new(
        message.Uri,
        message.IsWildcard,
        message.HasExpires ? message.Expires : null,
        message.HasQ ? message.Q : null,
        message.HasInstanceId ? message.InstanceId : null,
        message.HasRegId ? message.RegId : null,
        message.OtherParams.Count == 0
            ? null
            : [.. message.OtherParams.Select(p => new KeyValuePair<string, string?>(p.Name, p.HasValue ? p.Value : null))]);

    private static Proto.RegistrationFlow ToProto(Contract.RegistrationFlow flow)
    {
        var message = new Proto.RegistrationFlow
        {
            EdgeId = flow.EdgeId,
            Transport = flow.Transport,
            LocalAddress = flow.LocalAddress,
            LocalPort = flow.LocalPort,
            RemoteAddress = flow.RemoteAddress,
            RemotePort = flow.RemotePort,
        };
        if (flow.ConnectionId is not null)
            message.ConnectionId = flow.ConnectionId;
        if (flow.Received is not null)
            message.Received = flow.Received;
        if (flow.RPort is { } rport)
            message.Rport = rport;
        return message;
    }

    private static Contract.RegistrationFlow FromProto(Proto.RegistrationFlow message) => new(
        message.EdgeId,
        message.Transport,
        message.LocalAddress,
        message.LocalPort,
        message.RemoteAddress,
        message.RemotePort,
        message.HasConnectionId ? message.ConnectionId : null,
        message.HasReceived ? message.Received : null,
        message.HasRport ? message.Rport : null);
}
