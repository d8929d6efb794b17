using System.Globalization;
using System.Text;

namespace Switchboard.Proxy.Gateways;

/// <summary>
/// A SIP message as header lines plus body bytes, for the rare edits of gateway traffic (a re-sent INVITE with
/// credentials, a CSeq offset). Not for the hot path: forwarding itself edits bytes (<c>RequestForwarder</c>).
/// Header names compare case-insensitively with their compact forms; folded lines are not expected (we and the
/// forwarder never write them).
/// </summary>
public sealed class SipTextMessage
{
    private readonly List<string> _lines;
    private readonly byte[] _body;

    private SipTextMessage(List<string> lines, byte[] body)
    {
        _lines = lines;
        _body = body;
    }

    public string StartLine => _lines[0];

    public bool IsResponse => StartLine.StartsWith("SIP/", StringComparison.Ordinal);

    public ReadOnlySpan<byte> Body => _body;

    public static SipTextMessage? TryParse(ReadOnlySpan<byte> bytes)
    {
        int end = bytes.IndexOf("\r\n\r\n"u8);
        if (end <= 0)
        {
            return null;
        }

        var lines = Encoding.UTF8.GetString(bytes[..end]).Split("\r\n").ToList();
        return new SipTextMessage(lines, bytes[(end + 4)..].ToArray());
    }

    public IEnumerable<string> GetValues(string name)
    {
        for (int i = 1; i < _lines.Count; i++)
        {
            if (IsNamed(_lines[i], name, out string value))
            {
                yield return value;
            }
        }
    }

    public string? GetFirst(string name) => GetValues(name).FirstOrDefault();

    /// <summary>Replaces the first field named <paramref name="name"/>; false when there is none.</summary>
    public bool ReplaceFirst(string name, string value)
    {
        int index = IndexOf(name);
        if (index < 0)
        {
            return false;
        }

        _lines[index] = $"{name}: {value}";
        return true;
    }

    public void Add(string name, string value) => _lines.Add($"{name}: {value}");

    /// <summary>Inserts a field above the first one named <paramref name="name"/> (the topmost value), else at the end.</summary>
    public void AddFirst(string name, string value)
    {
        int index = IndexOf(name);
        _lines.Insert(index < 0 ? _lines.Count : index, $"{name}: {value}");
    }

    public int Remove(string name)
    {
        int removed = 0;
        for (int i = _lines.Count - 1; i >= 1; i--)
        {
            if (IsNamed(_lines[i], name, out _))
            {
                _lines.RemoveAt(i);
                removed++;
            }
        }

        return removed;
    }

    /// <summary>The CSeq number and method, or null when the header is missing or malformed.</summary>
    public (uint Number, string Method)? CSeq
    {
        get
        {
            string[] parts = (GetFirst("CSeq") ?? "").Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            return parts.Length == 2 && uint.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out uint number)
                ? (number, parts[1])
                : null;
        }
    }

    /// <summary>Adds <paramref name="offset"/> to the CSeq number (negative to take it off); false without a valid CSeq.</summary>
    public bool ShiftCSeq(int offset)
    {
        if (CSeq is not { } cseq || cseq.Number + (long)offset is < 0 or > uint.MaxValue)
        {
            return false;
        }

        return ReplaceFirst("CSeq", $"{cseq.Number + offset} {cseq.Method}");
    }

    public byte[] ToBytes()
    {
        byte[] head = Encoding.UTF8.GetBytes(string.Join("\r\n", _lines) + "\r\n\r\n");
        return [.. head, .. _body];
    }

    private int IndexOf(string name)
    {
        for (int i = 1; i < _lines.Count; i++)
        {
            if (IsNamed(_lines[i], name, out _))
            {
                return i;
            }
        }

        return -1;
    }

    private static bool IsNamed(string line, string name, out string value)
    {
        int colon = line.IndexOf(':');
        value = colon < 0 ? "" : line[(colon + 1)..].Trim();
        if (colon <= 0)
        {
            return false;
        }

        string field = line[..colon].TrimEnd();
        return string.Equals(field, name, StringComparison.OrdinalIgnoreCase)
            || field.Length == 1 && Compact(name) is { } letter && char.ToLowerInvariant(field[0]) == letter;
    }

    private static char? Compact(string name) => name.ToLowerInvariant() switch
    {
        "via" => 'v',
        "from" => 'f',
        "to" => 't',
        "call-id" => 'i',
        "contact" => 'm',
        "content-length" => 'l',
        "content-type" => 'c',
        _ => null,
    };
}
