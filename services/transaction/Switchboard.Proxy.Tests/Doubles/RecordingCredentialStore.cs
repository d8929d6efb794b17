using Switchboard.Auth.Digest;

namespace Switchboard.Proxy.Tests.Doubles;

/// <summary>Accounts' HA1 in memory; records look-ups.</summary>
internal sealed class RecordingCredentialStore : IDigestCredentialStore
{
    private readonly Dictionary<(string, string, DigestAlgorithm), byte[]> _ha1 = [];

    public List<(string User, string Realm)> Lookups { get; } = [];

    public RecordingCredentialStore Add(string user, string realm, string password)
    {
        _ha1[(user, realm, DigestAlgorithm.Md5)] = DigestHa1.Compute(DigestAlgorithm.Md5, user, realm, password);
        _ha1[(user, realm, DigestAlgorithm.Sha256)] = DigestHa1.Compute(DigestAlgorithm.Sha256, user, realm, password);
        return this;
    }

    public ValueTask<byte[]?> GetHa1Async(string user, string realm, DigestAlgorithm algorithm, CancellationToken cancellationToken)
    {
        Lookups.Add((user, realm));
        return ValueTask.FromResult(_ha1.TryGetValue((user, realm, algorithm), out byte[]? ha1) ? ha1 : null);
    }
}
