namespace Switchboard.Hosting.Discovery;

/// <summary>One healthy instance of a service.</summary>
/// <param name="Id">The instance id (Consul service ID, or the configured URL for static endpoints).</param>
public sealed record ServiceEndpoint(string Id, string Host, int Port, IReadOnlyDictionary<string, string> Meta)
{
    /// <summary>The instance's base address; the scheme comes from Meta["scheme"] when the instance set one.</summary>
    public Uri ToUri() =>
        new UriBuilder(Meta.TryGetValue("scheme", out var scheme) ? scheme : Uri.UriSchemeHttp, Host, Port).Uri;
}
