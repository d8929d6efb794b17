using Switchboard.Auth.Digest;
using Switchboard.Contracts.Routing;

namespace Switchboard.Signal.Tests.Doubles;

/// <summary>Accounts with HA1 computed by <see cref="DigestHa1.Compute"/> for realm = domain; records look-ups.</summary>
internal sealed class RecordingCredentialLookup : ICredentialLookup
{
    private readonly Dictionary<(string, string), AccountCredentials> _accounts = [];
    private readonly List<string> _lookups = [];

    public IReadOnlyList<string> Lookups => _lookups;

    public RecordingCredentialLookup Add(string user, string domain, string password)
    {
        string md5 = Convert.ToHexStringLower(DigestHa1.Compute(DigestAlgorithm.Md5, user, domain, password));
        string sha = Convert.ToHexStringLower(DigestHa1.Compute(DigestAlgorithm.Sha256, user, domain, password));
        string nt = Convert.ToHexStringLower(Switchboard.Auth.Ntlm.NtlmCrypto.NtHash(password));
        _accounts[(user, domain)] = new AccountCredentials(user, domain, md5, sha, nt);
        return this;
    }

    public ValueTask<AccountCredentials?> FindAsync(string user, string domain, CancellationToken cancellationToken = default)
    {
        lock (_lookups) _lookups.Add(user + "@" + domain);
        return ValueTask.FromResult(_accounts.GetValueOrDefault((user, domain)));
    }
}
