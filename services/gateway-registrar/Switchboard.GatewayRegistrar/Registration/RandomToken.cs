using System.Security.Cryptography;

namespace Switchboard.GatewayRegistrar.Registration;

/// <summary>Unguessable lower-case hex for Call-IDs, tags and instance ids.</summary>
internal static class RandomToken
{
    public static string Create(int bytes) => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(bytes));
}
