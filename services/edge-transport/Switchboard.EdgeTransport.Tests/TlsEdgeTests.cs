using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Switchboard.Contracts.Sip;

namespace Switchboard.EdgeTransport.Tests;

public sealed class TlsEdgeTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("sb-tls-").FullName;

    [Fact]
    public async Task Tls_client_exchanges_a_request_and_response_over_the_flow()
    {
        var (certPath, keyPath) = WriteSelfSignedPem();
        await using var edge = new EdgeFixture(o =>
        {
            o.Tls = ["127.0.0.1:0"];
            o.TlsCertificatePath = certPath;
            o.TlsKeyPath = keyPath;
        });
        using var client = new TcpClient();
        await client.ConnectAsync(edge.Edge.TlsEndPoints[0]);
        await using var ssl = new SslStream(client.GetStream(), false, (_, _, _, _) => true);
        await ssl.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
        {
            TargetHost = "switchboard.test",
            EnabledSslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13,
        });
        Assert.True(ssl.SslProtocol >= SslProtocols.Tls12);
        await ssl.WriteAsync(SipSamples.Options("z9hG4bK-tls", via: "SIP/2.0/TLS 127.0.0.1:5099"));

        var (bytes, flow) = edge.Sink.Next();
        Assert.Equal(SipTransport.Tls, flow.Transport);
        Assert.Contains("z9hG4bK-tls", Encoding.ASCII.GetString(bytes));

        var sent = await edge.Edge.SendAsync("SIP/2.0 200 OK\r\nContent-Length: 0\r\n\r\n"u8.ToArray(), SendTarget.ToFlow(flow));
        Assert.True(sent.Succeeded);
        var buffer = new byte[256];
        using var timeout = new CancellationTokenSource(5000);
        var read = await ssl.ReadAsync(buffer, timeout.Token);
        Assert.StartsWith("SIP/2.0 200 OK", Encoding.ASCII.GetString(buffer, 0, read));
    }

    [Fact]
    public async Task Tls_10_client_is_refused()
    {
        var (certPath, keyPath) = WriteSelfSignedPem();
        await using var edge = new EdgeFixture(o =>
        {
            o.Tls = ["127.0.0.1:0"];
            o.TlsCertificatePath = certPath;
            o.TlsKeyPath = keyPath;
        });
        using var client = new TcpClient();
        await client.ConnectAsync(edge.Edge.TlsEndPoints[0]);
        await using var ssl = new SslStream(client.GetStream(), false, (_, _, _, _) => true);
#pragma warning disable SYSLIB0039 // TLS 1.0 on purpose: the server must refuse it.
        var options = new SslClientAuthenticationOptions { TargetHost = "switchboard.test", EnabledSslProtocols = SslProtocols.Tls };
#pragma warning restore SYSLIB0039
        await Assert.ThrowsAnyAsync<Exception>(() => ssl.AuthenticateAsClientAsync(options));
    }

    private (string Cert, string Key) WriteSelfSignedPem()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=switchboard.test", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        var certPath = Path.Combine(_directory, "cert.pem");
        var keyPath = Path.Combine(_directory, "key.pem");
        File.WriteAllText(certPath, certificate.ExportCertificatePem());
        File.WriteAllText(keyPath, key.ExportPkcs8PrivateKeyPem());
        return (certPath, keyPath);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
