using System.Text;
using Switchboard.Auth.Digest;
using Switchboard.Contracts.Routing;
using Switchboard.Contracts.Sip;

namespace Switchboard.Benchmarks.Register;

/// <summary>user0000..userNNNN with password pwNNNN in domain 127.0.0.1 (the SIPp users.csv), all local.</summary>
internal sealed class BenchCredentials : ICredentialLookup, IAddressResolutionService
{
    private readonly Dictionary<string, AccountCredentials> _accounts = new(StringComparer.Ordinal);

    public BenchCredentials(int users)
    {
        for (int i = 0; i < users; i++)
        {
            string user = "user" + i.ToString("D4");
            string password = "pw" + i.ToString("D4");
            string md5 = Convert.ToHexStringLower(DigestHa1.Compute(DigestAlgorithm.Md5, user, "127.0.0.1", password));
            string sha = Convert.ToHexStringLower(DigestHa1.Compute(DigestAlgorithm.Sha256, user, "127.0.0.1", password));
            _accounts[user] = new AccountCredentials(user, "127.0.0.1", md5, sha);
        }
    }

    public ValueTask<AccountCredentials?> FindAsync(string user, string domain, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(_accounts.GetValueOrDefault(user));

    public ValueTask<AddressResolution> ResolveAsync(string user, string domain, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(AddressResolution.Local(user, domain));

    public ValueTask<bool> IsLocalDomainAsync(string domain, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(domain == "127.0.0.1");
}

/// <summary>Keeps only the status of the last response and, for a 401, its MD5 challenge.</summary>
internal sealed class CountingSender : ISipSender
{
    private static readonly ValueTask<SendResult> Sent = ValueTask.FromResult(new SendResult(SendStatus.Sent, null));
    private ReadOnlyMemory<byte> _last;

    public int LastStatus { get; private set; }

    public ValueTask<SendResult> SendAsync(ReadOnlyMemory<byte> message, SendTarget target, CancellationToken cancellationToken = default)
    {
        _last = message;
        ReadOnlySpan<byte> span = message.Span;
        LastStatus = span.Length > 11 ? (span[8] - '0') * 100 + (span[9] - '0') * 10 + (span[10] - '0') : 0;
        return Sent;
    }

    /// <summary>The value of the WWW-Authenticate line offering MD5 in the last response.</summary>
    public string ChallengeMd5()
    {
        foreach (string line in Encoding.ASCII.GetString(_last.Span).Split("\r\n"))
        {
            if (line.StartsWith("WWW-Authenticate:", StringComparison.OrdinalIgnoreCase) && line.Contains("MD5", StringComparison.Ordinal))
            {
                return line["WWW-Authenticate:".Length..].Trim();
            }
        }

        throw new InvalidOperationException("The last response carried no MD5 challenge.");
    }
}
