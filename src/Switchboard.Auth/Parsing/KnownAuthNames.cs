using System.Text;

namespace Switchboard.Auth.Parsing;

/// <summary>Shared strings for the parameter names and tokens every request carries, so parsing does not allocate them.</summary>
internal static class KnownAuthNames
{
    private static readonly string[] Names =
    [
        "username", "realm", "nonce", "uri", "response", "algorithm", "qop", "nc", "cnonce", "opaque",
        "stale", "domain", "targetname", "gssapi-data", "version", "crand", "cnum",
    ];

    private static readonly string[] Tokens = ["MD5", "SHA-256", "MD5-sess", "SHA-256-sess", "auth", "auth-int", "true", "false", "00000001"];

    private static readonly byte[][] NameBytes = [.. Names.Select(Encoding.ASCII.GetBytes)];
    private static readonly byte[][] TokenBytes = [.. Tokens.Select(Encoding.ASCII.GetBytes)];

    /// <summary>A parameter name: matched case-insensitively (names are case-insensitive).</summary>
    public static string Name(ReadOnlySpan<byte> name)
    {
        for (var i = 0; i < NameBytes.Length; i++)
        {
            if (System.Text.Ascii.EqualsIgnoreCase(name, NameBytes[i]))
            {
                return Names[i];
            }
        }

        return Encoding.ASCII.GetString(name);
    }

    /// <summary>A token value: matched exactly, since some token values are case-sensitive to their users.</summary>
    public static string Token(ReadOnlySpan<byte> token)
    {
        for (var i = 0; i < TokenBytes.Length; i++)
        {
            if (token.SequenceEqual(TokenBytes[i]))
            {
                return Tokens[i];
            }
        }

        return Encoding.ASCII.GetString(token);
    }
}
