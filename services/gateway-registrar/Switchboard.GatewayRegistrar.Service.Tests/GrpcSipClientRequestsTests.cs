using System.Net;
using System.Net.Sockets;
using System.Text;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Switchboard.Contracts.Gateway;
using Switchboard.Contracts.Sip;
using Switchboard.Protos.Clients;
using Switchboard.Protos.SipClient;

namespace Switchboard.GatewayRegistrar.Service.Tests;

/// <summary>The gRPC client adapter against an in-process SipClient server built on the shared conversions.</summary>
public sealed class GrpcSipClientRequestsTests : IAsyncLifetime
{
    private static readonly SipClientRequest Request = new(
        "REGISTER", "sip:provider.test",
        [new("From", "<sip:trunk@provider.test>;tag=1"), new("To", "<sip:trunk@provider.test>"), new("Contact", "<sip:trunk@198.51.100.7>")],
        new SipClientDestination("192.0.2.10", 5080, SipTransport.Tcp), Encoding.ASCII.GetBytes("body"), "text/plain");

    private readonly RecordingSipClientRequests _behind = new();
    private WebApplication _app = null!;
    private GrpcChannel _channel = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration.Sources.Clear(); // the service's appsettings.json (copied here) names fixed ports: tests run in parallel
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, o => o.Protocols = HttpProtocols.Http2));
        builder.Services.AddGrpc();
        builder.Services.AddSingleton<ISipClientRequests>(_behind);
        _app = builder.Build();
        _app.MapGrpcService<SipClientServer>();
        await _app.StartAsync();
        _channel = GrpcChannel.ForAddress(_app.Urls.First());
    }

    public async Task DisposeAsync()
    {
        _channel.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task Request_and_final_response_cross_the_wire_unchanged()
    {
        _behind.Answer = _ => SipClientResponse.Final(401, "Unauthorized",
            [new("WWW-Authenticate", "Digest realm=\"provider.test\", nonce=\"n\""), new("Contact", "<sip:a@b>;expires=60")]);
        var client = new GrpcSipClientRequests(new SipClient.SipClientClient(_channel));

        var response = await client.SendAsync(Request);

        var received = Assert.Single(_behind.Requests);
        Assert.Equal((Request.Method, Request.RequestUri, Request.Destination, Request.ContentType), (received.Method, received.RequestUri, received.Destination, received.ContentType));
        Assert.Equal(Request.Headers, received.Headers);
        Assert.Equal("body", Encoding.ASCII.GetString(received.Body.Span));
        Assert.Equal((SipClientOutcome.Response, 401, "Unauthorized"), (response.Outcome, response.StatusCode, response.Reason));
        Assert.Equal("Digest realm=\"provider.test\", nonce=\"n\"", response.GetFirst("www-authenticate"));
        Assert.Equal(2, response.Headers.Count);
    }

    [Theory]
    [InlineData(SipClientOutcome.Timeout, 408)]
    [InlineData(SipClientOutcome.TransportFailure, 503)]
    public async Task Timeouts_and_transport_failures_keep_their_outcome(SipClientOutcome outcome, int status)
    {
        _behind.Answer = _ => outcome == SipClientOutcome.Timeout ? SipClientResponse.TimedOut() : SipClientResponse.Failed("refused");
        var response = await new GrpcSipClientRequests(new SipClient.SipClientClient(_channel)).SendAsync(Request);

        Assert.Equal((outcome, status), (response.Outcome, response.StatusCode));
    }

    [Fact]
    public async Task An_unreachable_transaction_service_is_a_transport_failure_not_an_exception()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop(); // nothing listens there now
        using var channel = GrpcChannel.ForAddress($"http://127.0.0.1:{port}");

        var response = await new GrpcSipClientRequests(new SipClient.SipClientClient(channel)).SendAsync(Request);

        Assert.Equal(SipClientOutcome.TransportFailure, response.Outcome);
        Assert.Contains("Unavailable", response.Reason);
    }

    [Fact]
    public async Task A_server_slower_than_the_deadline_is_a_timeout()
    {
        _behind.Answer = _ =>
        {
            Thread.Sleep(1000);
            return SipClientResponse.Final(200, "OK", []);
        };
        var client = new GrpcSipClientRequests(new SipClient.SipClientClient(_channel)) { Deadline = TimeSpan.FromMilliseconds(200) };

        Assert.Equal(SipClientOutcome.Timeout, (await client.SendAsync(Request)).Outcome);
    }

    /// <summary>What the transaction service's server adapter will look like: conversions around ISipClientRequests.</summary>
    private sealed class SipClientServer(ISipClientRequests requests) : SipClient.SipClientBase
    {
        public override async Task<SendResponse> Send(SendRequest request, ServerCallContext context) =>
            SipClientMessages.ToProto(await requests.SendAsync(SipClientMessages.FromProto(request), context.CancellationToken));
    }
}
