using Switchboard.Contracts.Gateway;
using Switchboard.Protos.GatewayRegistrar;

namespace Switchboard.Protos.Clients;

/// <summary><see cref="GatewaySettings"/> to and from the gateway_directory.proto message (server and client share it).</summary>
public static class GatewayMessages
{
    public static Gateway ToMessage(GatewaySettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var message = new Gateway
        {
            Name = settings.Name,
            Domain = settings.Domain,
            Username = settings.Username,
            Password = settings.Password,
            RegisterEverySeconds = settings.RegisterEverySeconds,
            Enabled = settings.Enabled,
        };
        if (settings.Contact is not null)
        {
            message.Contact = settings.Contact;
        }

        return message;
    }

    public static GatewaySettings ToSettings(Gateway message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return new GatewaySettings(
            message.Name, message.Domain, message.Username, message.Password, message.HasContact ? message.Contact : null,
            message.RegisterEverySeconds, message.Enabled);
    }
}
