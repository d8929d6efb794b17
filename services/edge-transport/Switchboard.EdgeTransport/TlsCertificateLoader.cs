using System.Security.Cryptography.X509Certificates;

namespace Switchboard.EdgeTransport;

/// <summary>Loads the TLS listener's certificate from a PFX file or a PEM certificate + key pair.</summary>
internal static class TlsCertificateLoader
{
    public static X509Certificate2? Load(EdgeTransportOptions options)
    {
        if (string.IsNullOrEmpty(options.TlsCertificatePath))
        {
            return null;
        }
        var path = options.TlsCertificatePath;
        if (path.EndsWith(".pfx", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".p12", StringComparison.OrdinalIgnoreCase))
        {
            return X509CertificateLoader.LoadPkcs12FromFile(path, options.TlsCertificatePassword);
        }
        using var pem = string.IsNullOrEmpty(options.TlsKeyPath)
            ? X509Certificate2.CreateFromPemFile(path)
            : X509Certificate2.CreateFromPemFile(path, options.TlsKeyPath);
        // Re-import so the private key is usable by SslStream on every platform.
        return X509CertificateLoader.LoadPkcs12(pem.Export(X509ContentType.Pkcs12), null);
    }
}
