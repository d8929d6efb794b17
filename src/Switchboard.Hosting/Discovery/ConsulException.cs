using System.Net;

namespace Switchboard.Hosting.Discovery;

/// <summary>Consul answered with an error status or a body we cannot read.</summary>
public sealed class ConsulException(string message, HttpStatusCode? status = null, Exception? inner = null)
    : Exception(message, inner)
{
    public HttpStatusCode? Status { get; } = status;
}
