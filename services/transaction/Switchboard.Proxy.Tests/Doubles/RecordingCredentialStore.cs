using Switchboard.Auth.Digest;
using Switchboard.Auth.Ntlm;

namespace Switchboard.Proxy.Tests.Doubles;

/// <summary>Accounts' HA1 (and NT hash, for NTLM) in memory; records look-ups.</summary>
internal sealed class RecordingCredentialStore : IDigestCredentialStore, INtlmCredentialStore
{
    private readonly Dictionary<(string, string, DigestAlgorithm), byte[]> _ha1 = [];
    private readonly Dictionary<(string, string), byte[]> _ntHashes = [];

    public List<(string User, string Realm)> Lookups { get; } = [];

    public RecordingCredentialStore Add(string user, string realm, string password)
    {
        _ha1[(user, realm, DigestAlgorithm.Md5)] = DigestHa1.Compute(DigestAlgorithm.Md5, user, realm, password);
        _ha1[(user, realm, DigestAlgorithm.Sha256)] = DigestHa1.Compute(DigestAlgorithm.Sha256, user, realm, password);
        _ntHashes[(user.ToLowerInvariant(), realm.ToLowerInvariant())] = NtlmCrypto.NtHash(password);
        return this;
    }

    /// <summary>Windows accounts: user and domain compared case-insensitively, as the signal's store does.</summary>
    public ValueTask<byte[]?> GetNtHashAsync(string user, string domain, CancellationToken cancellationToken)
    {
        Lookups.Add((user, domain));
        return ValueTask.FromResult(_ntHashes.TryGetValue((user.ToLowerInvariant(), domain.ToLowerInvariant()), out byte[]? hash) ? hash : null);
    }

    public ValueTask<byte[]?> GetHa1Async(string user, string realm, DigestAlgorithm algorithm, CancellationToken cancellationToken)
    {
        Lookups.Add((user, realm));
        return ValueTask.FromResult(_ha1.TryGetValue((user, realm, algorithm), out byte[]? ha1) ? ha1 : null);
    }
}
