using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Text;
using Switchboard.IntegrationTests.Infrastructure;

namespace Switchboard.IntegrationTests;

/// <summary>
/// What a running Switchboard must do on its SIP ports, whatever the wiring (issue: edge transport and transaction
/// layer). Concrete classes below run it against the all-in-one host and against the separate services.
/// </summary>
public abstract class SipServerContract<TDeployment> : IClassFixture<TDeployment> where TDeployment : SwitchboardDeployment
{
    protected SipServerContract(TDeployment deployment) => Deployment = deployment;

    protected TDeployment Deployment { get; }

    [Fact]
    public async Task Sipsak_options_over_udp_gets_200()
    {
        var result = await ExternalTool.RunAsync("sipsak", ["-vv", "-s", $"sip:ping@127.0.0.1:{Deployment.SipPort}"], TimeSpan.FromSeconds(20));
        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Contains("SIP/2.0 200", result.Output);
    }

    [Fact]
    public async Task Sipsak_options_over_tcp_gets_200()
    {
        var result = await ExternalTool.RunAsync("sipsak", ["-vv", "-E", "tcp", "-s", $"sip:ping@127.0.0.1:{Deployment.SipPort}"], TimeSpan.FromSeconds(20));
        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Contains("SIP/2.0 200", result.Output);
    }

    [Fact]
    public async Task Tls_client_completes_an_options_transaction()
    {
        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", Deployment.TlsPort);
        await using var ssl = new SslStream(client.GetStream(), false, (_, _, _, _) => true);
        await ssl.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
        {
            TargetHost = "switchboard.test",
            EnabledSslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13,
        });
        var port = ((System.Net.IPEndPoint)client.Client.LocalEndPoint!).Port;
        await ssl.WriteAsync(Encoding.ASCII.GetBytes(
            $"OPTIONS sip:127.0.0.1:{Deployment.TlsPort};transport=tls SIP/2.0\r\n" +
            $"Via: SIP/2.0/TLS 127.0.0.1:{port};branch=z9hG4bK-tls-it\r\n" +
            "Max-Forwards: 70\r\nFrom: <sips:tester@127.0.0.1>;tag=t1\r\nTo: <sips:127.0.0.1>\r\n" +
            "Call-ID: tls-it@test\r\nCSeq: 7 OPTIONS\r\nContent-Length: 0\r\n\r\n"));

        var answer = await ReadMessageAsync(ssl);
        Assert.StartsWith("SIP/2.0 200", answer);
        Assert.Contains("CSeq: 7 OPTIONS", answer);
        Assert.Contains("Allow:", answer);
    }

    [Fact]
    public async Task Sipp_options_load_completes_without_failures()
    {
        var scenario = Path.Combine(AppContext.BaseDirectory, "Scenarios", "options_uac.xml");
        var localPort = FreePorts.Next();
        var result = await ExternalTool.RunAsync("sipp",
        [
            $"127.0.0.1:{Deployment.SipPort}", "-sf", scenario, "-i", "127.0.0.1", "-p", localPort.ToString(),
            "-m", "3000", "-r", "1000", "-l", "500", "-timeout", "30s", "-timeout_error", "-nostdin", "-trace_err",
        ], TimeSpan.FromSeconds(60), Deployment.DataDirectory);
        Assert.True(result.ExitCode == 0, result.Output);
    }

    [Fact]
    public async Task Idle_tcp_connection_is_closed_after_idle_timeout()
    {
        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", Deployment.SipPort);
        var started = DateTime.UtcNow;
        var buffer = new byte[64];
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        int read;
        try
        {
            read = await client.GetStream().ReadAsync(buffer, timeout.Token);
        }
        catch (IOException)
        {
            read = 0;
        }
        Assert.Equal(0, read);
        Assert.InRange(DateTime.UtcNow - started, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(15));
    }

    [Theory]
    [MemberData(nameof(TortureCorpus.Requests), MemberType = typeof(TortureCorpus))]
    public async Task Rfc4475_request_gets_the_manifest_answer_and_the_server_keeps_answering(TortureCorpus.Entry entry)
    {
        using var probe = new SipProbe();
        await probe.SendAsync(TortureCorpus.AimAt(entry.Bytes, probe.LocalPort), Deployment.SipPort);
        var answer = await FirstFinalAsync(probe, entry.Outcomes.Contains("drop") ? 700 : 3000);
        var outcomes = entry.Outcomes;
        if (outcomes.All(o => o == "drop"))
        {
            Assert.True(answer is null, $"{entry}: expected no answer, got {answer}");
        }
        else if (!outcomes.Contains("process") && !outcomes.Contains("forward"))
        {
            Assert.True(answer is not null, $"{entry}: expected one of {string.Join('|', outcomes)}, got no answer");
            var status = answer![8..11];
            var allowed = outcomes.Contains("error") ? status[0] is '4' or '5' : outcomes.Contains(status);
            Assert.True(allowed, $"{entry}: expected {string.Join('|', outcomes)}, got {answer.Split('\r')[0]}");
        }
        await probe.SendAsync(probe.Options($"sip:127.0.0.1:{Deployment.SipPort}", "z9hG4bK-after-" + entry.File), Deployment.SipPort);
        var alive = await FirstFinalAsync(probe, 3000, "z9hG4bK-after-" + entry.File);
        Assert.True(alive is not null && alive.StartsWith("SIP/2.0 200", StringComparison.Ordinal), $"after {entry}: {alive}");
    }

    /// <summary>The first final response (provisional ones skipped), optionally for one branch.</summary>
    private static async Task<string?> FirstFinalAsync(SipProbe probe, int timeoutMs, string? branch = null)
    {
        var deadline = DateTime.UtcNow.AddMilliseconds(timeoutMs);
        while (DateTime.UtcNow < deadline)
        {
            var left = (int)Math.Max(1, (deadline - DateTime.UtcNow).TotalMilliseconds);
            var message = await probe.ReceiveAsync(left);
            if (message is null)
            {
                return null;
            }
            if (message.StartsWith("SIP/2.0 1", StringComparison.Ordinal) || (branch is not null && !message.Contains(branch)))
            {
                continue;
            }
            return message;
        }
        return null;
    }

    private static async Task<string> ReadMessageAsync(Stream stream)
    {
        var buffer = new byte[8192];
        var text = new StringBuilder();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!text.ToString().Contains("\r\n\r\n"))
        {
            var read = await stream.ReadAsync(buffer, timeout.Token);
            if (read == 0)
            {
                break;
            }
            text.Append(Encoding.UTF8.GetString(buffer, 0, read));
        }
        return text.ToString();
    }
}

public sealed class AllInOneSipServerTests(AllInOneDeployment deployment) : SipServerContract<AllInOneDeployment>(deployment);

public sealed class DistributedSipServerTests(DistributedDeployment deployment) : SipServerContract<DistributedDeployment>(deployment);
