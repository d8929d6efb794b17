namespace Switchboard.Auth.Parsing;

/// <summary>
/// A parsed credentials or challenge value: the scheme and either auth-params
/// (<c>Digest realm="x", nonce="y"</c>) or a token68 (<c>Basic dXNlcjpwYXNz</c>).
/// </summary>
public sealed class AuthHeader
{
    private readonly AuthParam[] _parameters;

    internal AuthHeader(string scheme, AuthParam[] parameters, string? token68)
    {
        Scheme = scheme;
        _parameters = parameters;
        Token68 = token68;
    }

    public string Scheme { get; }

    public string? Token68 { get; }

    public IReadOnlyList<AuthParam> Parameters => _parameters;

    public bool IsScheme(string scheme) => string.Equals(Scheme, scheme, StringComparison.OrdinalIgnoreCase);

    /// <summary>The value of the first parameter with this name (names compare case-insensitively).</summary>
    public string? Get(string name)
    {
        foreach (var p in _parameters)
        {
            if (string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return p.Value;
            }
        }

        return null;
    }
}
