using Switchboard.Auth.Ntlm;

namespace Switchboard.Auth.Tests.Ntlm;

/// <summary>NT hashes by user (case-insensitive, as Windows accounts are); records lookups.</summary>
internal sealed class RecordingNtlmStore : INtlmCredentialStore
{
    private readonly Dictionary<string, byte[]> _hashes = new(StringComparer.OrdinalIgnoreCase);

    public List<(string User, string Domain)> Lookups { get; } = [];

    public RecordingNtlmStore Add(string user, string password)
    {
        _hashes[user] = NtlmCrypto.NtHash(password);
        return this;
    }

    public ValueTask<byte[]?> GetNtHashAsync(string user, string domain, CancellationToken cancellationToken)
    {
        Lookups.Add((user, domain));
        return ValueTask.FromResult(_hashes.TryGetValue(user, out var hash) ? hash : null);
    }
}
