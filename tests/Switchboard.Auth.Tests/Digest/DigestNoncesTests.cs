using Microsoft.Extensions.Time.Testing;
using Switchboard.Auth.Digest;

namespace Switchboard.Auth.Tests.Digest;

public class DigestNoncesTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 26, 10, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Nonces_are_unique_url_safe_and_fixed_length()
    {
        var nonces = new DigestNonces([7, 7, 7], TimeSpan.FromMinutes(1), _time);

        var made = Enumerable.Range(0, 100).Select(_ => nonces.Create("example.com")).ToList();

        Assert.Equal(100, made.Distinct().Count());
        Assert.All(made, n => Assert.Equal(DigestNonces.NonceLength, n.Length));
        Assert.All(made, n => Assert.DoesNotContain(n, c => c is '+' or '/' or '=' or '"'));
        Assert.All(made, n => Assert.Equal(NonceStatus.Valid, nonces.Check(n, "example.com", out _)));
    }

    [Fact]
    public void Instances_sharing_a_secret_accept_each_others_nonces_and_opaque()
    {
        var a = new DigestNonces([1, 2, 3, 4], TimeSpan.FromMinutes(1), _time);
        var b = new DigestNonces([1, 2, 3, 4], TimeSpan.FromMinutes(1), _time);
        var c = new DigestNonces(null, TimeSpan.FromMinutes(1), _time);

        Assert.Equal(NonceStatus.Valid, b.Check(a.Create("r"), "r", out _));
        Assert.Equal(a.Opaque, b.Opaque);
        Assert.Equal(NonceStatus.Invalid, c.Check(a.Create("r"), "r", out _));
    }

    [Theory]
    [InlineData("")]
    [InlineData("short")]
    [InlineData("!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!")]
    public void Garbage_is_invalid(string nonce)
    {
        Assert.Equal(NonceStatus.Invalid, new DigestNonces(null, TimeSpan.FromMinutes(1), _time).Check(nonce, "r", out _));
    }

    [Fact]
    public void Nonce_from_the_future_is_stale()
    {
        var ahead = new FakeTimeProvider(_time.GetUtcNow() + TimeSpan.FromSeconds(5));
        var nonce = new DigestNonces([9], TimeSpan.FromMinutes(1), ahead).Create("r");

        // Checked by an instance whose clock is 5 s behind (or after a clock step back).
        Assert.Equal(NonceStatus.Stale, new DigestNonces([9], TimeSpan.FromMinutes(1), _time).Check(nonce, "r", out _));
    }
}
