using System.Collections.Concurrent;
using Switchboard.Contracts.Gateway;

namespace Switchboard.GatewayRegistrar.Service.Tests;

/// <summary>Records requests and answers each with <see cref="Answer"/> (default: 200 OK granting the asked expiry).</summary>
internal sealed class RecordingSipClientRequests : ISipClientRequests
{
    public ConcurrentQueue<SipClientRequest> Requests { get; } = new();

    public Func<SipClientRequest, SipClientResponse> Answer { get; set; } = request =>
    {
        var expires = request.Headers.First(h => h.Name == "Expires").Value;
        var contact = request.Headers.First(h => h.Name == "Contact").Value;
        return SipClientResponse.Final(200, "OK", [new("Contact", $"{contact};expires={expires}")]);
    };

    public ValueTask<SipClientResponse> SendAsync(SipClientRequest request, CancellationToken cancellationToken = default)
    {
        Requests.Enqueue(request);
        return ValueTask.FromResult(Answer(request));
    }
}
