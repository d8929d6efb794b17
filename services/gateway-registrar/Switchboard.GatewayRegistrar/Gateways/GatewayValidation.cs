using Switchboard.Contracts.Gateway;
using Switchboard.Sip.Uris;

namespace Switchboard.GatewayRegistrar.Gateways;

/// <summary>Checks settings before they are stored; the first problem found, as text for the admin API.</summary>
public static class GatewayValidation
{
    public const int MinRegisterEverySeconds = 10;
    public const int MaxRegisterEverySeconds = 86_400;

    public static string? Problem(GatewaySettings settings)
    {
        if (!IsName(settings.Name))
        {
            return "name: 1-64 characters of letters, digits, '.', '_' or '-'";
        }

        if (!GatewayAddress.TryParse(settings.Domain, out _))
        {
            return "domain: expected host[:port][;transport=udp|tcp|tls]";
        }

        if (string.IsNullOrWhiteSpace(settings.Username) || settings.Username.AsSpan().IndexOfAny(" \t\r\n@:;<>\"") >= 0)
        {
            return "username: required, without spaces, '@', ':', ';', '<', '>' or quotes";
        }

        if (settings.Password.AsSpan().IndexOfAny("\r\n") >= 0)
        {
            return "password: must not contain line breaks";
        }

        if (settings.Contact is { Length: > 0 } contact && !IsSipUri(contact))
        {
            return "contact: expected a sip: or sips: URI";
        }

        return settings.RegisterEverySeconds is < MinRegisterEverySeconds or > MaxRegisterEverySeconds
            ? $"registerEvery: {MinRegisterEverySeconds}..{MaxRegisterEverySeconds} seconds"
            : null;
    }

    public static bool IsName(string? name) =>
        name is { Length: > 0 and <= 64 } && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-');

    private static bool IsSipUri(string text) =>
        SipUri.TryParse(text, out var uri) && uri.Scheme is UriScheme.Sip or UriScheme.Sips;
}
