using System.Diagnostics.CodeAnalysis;
using System.Text;
using Switchboard.Auth.Parsing;

namespace Switchboard.Auth.Basic;

/// <summary><c>Basic base64(user ":" password)</c> (RFC 7617), user and password decoded as UTF-8.</summary>
public sealed record BasicCredentials(string User, string Password)
{
    private const int MaxDecodedLength = 1024;

    public static bool TryParse(AuthHeader header, [NotNullWhen(true)] out BasicCredentials? credentials, out string error)
    {
        credentials = null;
        if (!header.IsScheme("Basic") || header.Token68 is null)
        {
            error = "not a Basic value";
            return false;
        }

        Span<byte> decoded = stackalloc byte[MaxDecodedLength];
        if (!Convert.TryFromBase64String(header.Token68, decoded, out var length))
        {
            error = "bad base64 or too long";
            return false;
        }

        var colon = decoded[..length].IndexOf((byte)':');
        if (colon <= 0)
        {
            error = "no user:password";
            return false;
        }

        try
        {
            var strict = new UTF8Encoding(false, throwOnInvalidBytes: true);
            credentials = new BasicCredentials(strict.GetString(decoded[..colon]), strict.GetString(decoded[(colon + 1)..length]));
        }
        catch (DecoderFallbackException)
        {
            error = "user or password is not UTF-8";
            return false;
        }

        error = "";
        return true;
    }
}
