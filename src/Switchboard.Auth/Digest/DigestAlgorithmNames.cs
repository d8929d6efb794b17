namespace Switchboard.Auth.Digest;

/// <summary>Wire names of <see cref="DigestAlgorithm"/> values.</summary>
public static class DigestAlgorithmNames
{
    public static string ToWire(this DigestAlgorithm algorithm) => algorithm switch
    {
        DigestAlgorithm.Md5 => "MD5",
        DigestAlgorithm.Md5Sess => "MD5-sess",
        DigestAlgorithm.Sha256 => "SHA-256",
        DigestAlgorithm.Sha256Sess => "SHA-256-sess",
        _ => throw new ArgumentOutOfRangeException(nameof(algorithm)),
    };

    /// <summary>A missing algorithm parameter means MD5 (RFC 7616 §3.3). Names compare case-insensitively.</summary>
    public static bool TryParse(string? name, out DigestAlgorithm algorithm)
    {
        algorithm = DigestAlgorithm.Md5;
        if (name is null || name.Equals("MD5", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (name.Equals("SHA-256", StringComparison.OrdinalIgnoreCase))
        {
            algorithm = DigestAlgorithm.Sha256;
            return true;
        }

        if (name.Equals("MD5-sess", StringComparison.OrdinalIgnoreCase))
        {
            algorithm = DigestAlgorithm.Md5Sess;
            return true;
        }

        if (name.Equals("SHA-256-sess", StringComparison.OrdinalIgnoreCase))
        {
            algorithm = DigestAlgorithm.Sha256Sess;
            return true;
        }

        return false;
    }

    /// <summary>The same, for the bytes of a received parameter; <paramref name="present"/> false means absent (MD5).</summary>
    internal static bool TryParse(ReadOnlySpan<byte> name, bool present, out DigestAlgorithm algorithm)
    {
        algorithm = !present || System.Text.Ascii.EqualsIgnoreCase(name, "MD5"u8) ? DigestAlgorithm.Md5
            : System.Text.Ascii.EqualsIgnoreCase(name, "SHA-256"u8) ? DigestAlgorithm.Sha256
            : System.Text.Ascii.EqualsIgnoreCase(name, "MD5-sess"u8) ? DigestAlgorithm.Md5Sess
            : System.Text.Ascii.EqualsIgnoreCase(name, "SHA-256-sess"u8) ? DigestAlgorithm.Sha256Sess
            : (DigestAlgorithm)(-1);
        if (algorithm < 0)
        {
            algorithm = DigestAlgorithm.Md5;
            return false;
        }

        return true;
    }

    public static bool IsSession(this DigestAlgorithm algorithm) =>
        algorithm is DigestAlgorithm.Md5Sess or DigestAlgorithm.Sha256Sess;

    /// <summary>The algorithm whose HA1 (user:realm:password) a -sess variant starts from.</summary>
    public static DigestAlgorithm Base(this DigestAlgorithm algorithm) => algorithm switch
    {
        DigestAlgorithm.Md5Sess => DigestAlgorithm.Md5,
        DigestAlgorithm.Sha256Sess => DigestAlgorithm.Sha256,
        _ => algorithm,
    };
}
