namespace Switchboard.Hosting.Discovery;

/// <summary>
/// Asks Consul for passing instances on every call; callers keep the channels they build. A service registers
/// once, under its own name with its HTTP port, and its gRPC port as <c>Meta["grpc_port"]</c>; so a name ending in
/// <c>-grpc</c> (the names clients use, as in static configuration) asks for the service without the suffix and
/// answers with its gRPC ports. Instances that did not publish one are left out.
/// </summary>
internal sealed class ConsulServiceLocator(ConsulClient consul) : IServiceLocator
{
    private const string GrpcSuffix = "-grpc";
    private const string GrpcPortKey = "grpc_port";

    public async Task<IReadOnlyList<ServiceEndpoint>> Resolve(string serviceName, CancellationToken cancellationToken = default)
    {
        if (!serviceName.EndsWith(GrpcSuffix, StringComparison.Ordinal))
        {
            return await consul.GetHealthy(serviceName, cancellationToken).ConfigureAwait(false);
        }

        var endpoints = await consul.GetHealthy(serviceName[..^GrpcSuffix.Length], cancellationToken).ConfigureAwait(false);
        return [.. endpoints
            .Where(e => e.Meta.TryGetValue(GrpcPortKey, out var port) && int.TryParse(port, out _))
            .Select(e => e with { Port = int.Parse(e.Meta[GrpcPortKey], System.Globalization.CultureInfo.InvariantCulture) })];
    }
}
