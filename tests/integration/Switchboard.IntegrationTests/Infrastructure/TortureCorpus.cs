using System.Text;
using System.Text.RegularExpressions;

namespace Switchboard.IntegrationTests.Infrastructure;

/// <summary>The RFC 4475 messages with their manifest verdicts, readied for sending to a server on loopback.</summary>
public static partial class TortureCorpus
{
    public sealed record Entry(string File, string Section, string Expected, string Response)
    {
        public override string ToString() => $"{Section} {File}";

        public byte[] Bytes => System.IO.File.ReadAllBytes(Path.Combine(RepositoryPaths.Rfc4475, File));

        /// <summary>
        /// Outcomes allowed for a server that is a proxy and a registrar (not an endpoint): the manifest's "any",
        /// "proxy" and "registrar" roles. A message judged only for endpoints ("uas") may get any answer here.
        /// An authenticating registrar answers 401 where a non-authenticating one would say 200 (RFC 4475 §3.3.7).
        /// </summary>
        public IReadOnlyList<string> Outcomes
        {
            get
            {
                var parts = Response.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                    .Select(part => (Role: part[..part.IndexOf('=')], Values: part[(part.IndexOf('=') + 1)..].Split('|')))
                    .Where(part => part.Role is "any" or "proxy" or "registrar")
                    .SelectMany(part => part.Role == "registrar" && part.Values.Contains("200") ? part.Values.Append("401") : part.Values)
                    .ToArray();
                return parts.Length > 0 ? parts : ["process"];
            }
        }

        public bool IsRequest => !Encoding.ASCII.GetString(Bytes, 0, 8).StartsWith("SIP/", StringComparison.Ordinal);
    }

    public static IEnumerable<object[]> Requests() =>
        Load().Where(e => e.IsRequest).Select(e => new object[] { e });

    public static IReadOnlyList<Entry> Load() =>
        File.ReadAllLines(Path.Combine(RepositoryPaths.Rfc4475, "MANIFEST.tsv"))
            .Skip(1)
            .Select(line => line.Split('\t'))
            .Select(f => new Entry(f[0], f[1], f[3], f[4]))
            .ToArray();

    /// <summary>
    /// Points the top Via's sent-by at <paramref name="port"/> on loopback, so answers come back to the test and
    /// never leave the machine. Everything else stays byte for byte (the Via's oddities included).
    /// </summary>
    public static byte[] AimAt(byte[] message, int port)
    {
        var text = Encoding.Latin1.GetString(message);
        var match = TopViaSentBy().Match(text);
        if (!match.Success)
        {
            return message;
        }
        var group = match.Groups["sentby"];
        return Encoding.Latin1.GetBytes(string.Concat(text.AsSpan(0, group.Index), $"127.0.0.1:{port}", text.AsSpan(group.Index + group.Length)));
    }

    [GeneratedRegex(@"^(?:Via|v)[ \t]*:[ \t]*SIP[ \t]*/[ \t]*[^/\r\n]+/[ \t]*[A-Za-z]+[ \t]+(?<sentby>[^ \t;,\r\n]+)", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex TopViaSentBy();
}
