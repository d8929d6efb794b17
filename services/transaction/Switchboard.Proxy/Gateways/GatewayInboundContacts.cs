using Switchboard.Contracts.Gateway;

namespace Switchboard.Proxy.Gateways;

/// <summary>
/// Calls to the Contact a gateway registration put at the provider are inbound calls for that gateway's
/// <see cref="GatewayRoutingOptions.InboundAccounts"/> account. The Request-URI user the provider uses is the user
/// part of the registered Contact (<see cref="GatewaySettings.Contact"/>, else the registration username, as the
/// gateway registrar's default Contact <c>sip:username@public-address</c>). Gateways without an inbound account add
/// nothing (their Contact user may still be a DID).
/// </summary>
public sealed class GatewayInboundContacts(GatewayCatalog catalog, GatewayRoutingOptions options)
{
    private ContactMap _map = new([], new Dictionary<string, string>(StringComparer.Ordinal)); // replaced whole, read without a lock

    /// <summary>The account a call to Contact user <paramref name="user"/> goes to, when it is a gateway's Contact user.</summary>
    public bool TryGetAccount(string user, out string account) => TryGetAccount(catalog.Current, user, out account);

    /// <summary>As <see cref="TryGetAccount(string, out string)"/>, reading the gateways first when they never were.</summary>
    public async ValueTask<string?> FindAccountAsync(string user)
    {
        if (options.InboundAccounts.Count == 0 || user.Length == 0)
        {
            return null;
        }

        return TryGetAccount(await catalog.CurrentOrFirstReadAsync().ConfigureAwait(false), user, out string account) ? account : null;
    }

    private bool TryGetAccount(IReadOnlyList<GatewaySettings> gateways, string user, out string account)
    {
        account = "";
        if (options.InboundAccounts.Count == 0 || user.Length == 0)
        {
            return false;
        }

        var map = Volatile.Read(ref _map);
        if (!ReferenceEquals(map.List, gateways))
        {
            map = new ContactMap(gateways, Build(gateways));
            Volatile.Write(ref _map, map);
        }

        return map.Accounts.TryGetValue(user, out account!);
    }

    /// <summary>The user part of what a gateway registers: the Contact's user, else the registration username.</summary>
    public static string ContactUser(GatewaySettings gateway)
    {
        ArgumentNullException.ThrowIfNull(gateway);
        if (string.IsNullOrWhiteSpace(gateway.Contact))
        {
            return gateway.Username;
        }

        string text = gateway.Contact.Trim().TrimStart('<');
        int colon = text.IndexOf(':');
        int at = text.IndexOf('@');
        if (colon < 0 || at < colon)
        {
            return "";
        }

        string user = text[(colon + 1)..at];
        int semicolon = user.IndexOf(';'); // user parameters (RFC 3261 §19.1.1 telephone-subscriber)
        return Uri.UnescapeDataString(semicolon < 0 ? user : user[..semicolon]);
    }

    private Dictionary<string, string> Build(IReadOnlyList<GatewaySettings> gateways)
    {
        var accounts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (GatewaySettings gateway in gateways)
        {
            if (TryGetInboundAccount(gateway.Name, out string account) && ContactUser(gateway) is { Length: > 0 } user)
            {
                accounts.TryAdd(user, account);
            }
        }

        return accounts;
    }

    private bool TryGetInboundAccount(string gateway, out string account)
    {
        foreach (var (name, value) in options.InboundAccounts)
        {
            if (string.Equals(name, gateway, StringComparison.OrdinalIgnoreCase) && value is { Length: > 0 })
            {
                account = value;
                return true;
            }
        }

        account = "";
        return false;
    }

    /// <summary>Contact user → account, built from one catalog list.</summary>
    private sealed record ContactMap(IReadOnlyList<GatewaySettings> List, Dictionary<string, string> Accounts);
}
