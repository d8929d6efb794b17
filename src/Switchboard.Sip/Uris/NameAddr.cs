using System.Buffers;
using System.Text;
using Switchboard.Sip.Writing;

namespace Switchboard.Sip.Uris;

/// <summary>
/// Writes name-addr values for new headers (From, To, Contact, Route, Record-Route):
/// an optional display name (a token list, else a quoted string), "&lt;uri&gt;", then ";name[=value]" header parameters.
/// Parsing name-addr belongs to the header parser, not here.
/// </summary>
public static class NameAddr
{
    public static void Write(
        IBufferWriter<byte> writer,
        string? displayName,
        SipUri uri,
        IEnumerable<KeyValuePair<string, string?>>? parameters = null)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(uri);
        if (!string.IsNullOrEmpty(displayName))
        {
            WriteDisplayName(writer, displayName);
            writer.WriteByte((byte)' ');
        }

        writer.WriteByte((byte)'<');
        uri.WriteTo(writer);
        writer.WriteByte((byte)'>');
        foreach (KeyValuePair<string, string?> parameter in parameters ?? [])
        {
            if (parameter.Key.Length == 0 || HasLineBreak(parameter.Key) || (parameter.Value is { } v && HasLineBreak(v)))
            {
                throw new ArgumentException($"Header parameter '{parameter.Key}' is empty or contains a line break.", nameof(parameters));
            }

            writer.WriteByte((byte)';');
            writer.WriteText(parameter.Key);
            if (parameter.Value is not null)
            {
                writer.WriteByte((byte)'=');
                writer.WriteText(parameter.Value);
            }
        }
    }

    public static string Format(string? displayName, SipUri uri, IEnumerable<KeyValuePair<string, string?>>? parameters = null)
    {
        var buffer = new ArrayBufferWriter<byte>(128);
        Write(buffer, displayName, uri, parameters);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Tokens separated by single spaces go out as they are; anything else is quoted, with '"' and '\' escaped.</summary>
    public static void WriteDisplayName(IBufferWriter<byte> writer, string displayName)
    {
        if (IsTokenList(displayName))
        {
            writer.WriteText(displayName);
            return;
        }

        var quoted = new StringBuilder(displayName.Length + 2).Append('"');
        foreach (char c in displayName)
        {
            if (c is '\r' or '\n')
            {
                continue; // a display name never spans lines
            }

            if (c is '"' or '\\')
            {
                quoted.Append('\\');
            }

            quoted.Append(c);
        }

        writer.WriteText(quoted.Append('"').ToString());
    }

    private static bool HasLineBreak(string text) => text.AsSpan().IndexOfAny('\r', '\n') >= 0;

    private static bool IsTokenList(string text)
    {
        if (text.StartsWith(' ') || text.EndsWith(' ') || text.Contains("  ", StringComparison.Ordinal))
        {
            return false;
        }

        foreach (char c in text)
        {
            bool token = char.IsAsciiLetterOrDigit(c) || "-.!%*_+`'~ ".Contains(c);
            if (!token)
            {
                return false;
            }
        }

        return true;
    }
}
