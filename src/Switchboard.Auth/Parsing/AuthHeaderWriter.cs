using System.Text;

namespace Switchboard.Auth.Parsing;

/// <summary>Builds a header value such as <c>Digest realm="x", nonce="y", algorithm=SHA-256</c>.</summary>
internal sealed class AuthHeaderWriter
{
    private readonly StringBuilder _builder;
    private bool _first = true;

    public AuthHeaderWriter(string scheme)
    {
        _builder = new StringBuilder(256).Append(scheme).Append(' ');
    }

    public AuthHeaderWriter Quoted(string name, string value)
    {
        Separator().Append(name).Append("=\"");
        foreach (var c in value)
        {
            if (c is '"' or '\\')
            {
                _builder.Append('\\');
            }

            _builder.Append(c);
        }

        _builder.Append('"');
        return this;
    }

    public AuthHeaderWriter Token(string name, string value)
    {
        Separator().Append(name).Append('=').Append(value);
        return this;
    }

    public override string ToString() => _builder.ToString();

    private StringBuilder Separator()
    {
        if (!_first)
        {
            _builder.Append(", ");
        }

        _first = false;
        return _builder;
    }
}
