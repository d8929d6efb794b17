using System.Security.Cryptography;

namespace Switchboard.Sip.Tests.Conformance;

public sealed class Rfc4475IntegrityTests
{
    [Fact]
    public void Sha256SumsMatchEveryFile()
    {
        var lines = File.ReadAllLines(Path.Combine(Rfc4475Corpus.Directory, "SHA256SUMS")).Where(l => l.Length > 0).ToList();
        Assert.Equal(49, lines.Count);
        foreach (var line in lines)
        {
            var hash = line[..64];
            var file = line[64..].TrimStart(' ', '*');
            var actual = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Path.Combine(Rfc4475Corpus.Directory, file))));
            Assert.True(hash == actual, $"{file}: expected {hash}, got {actual}");
        }
    }

    [Fact]
    public void ManifestListsFortyNineMessages()
    {
        Assert.Equal(49, Rfc4475Corpus.Cases.Count);
        Assert.All(Rfc4475Corpus.Cases, c => Assert.True(File.Exists(Path.Combine(Rfc4475Corpus.Directory, c.File)), c.File));
    }
}
