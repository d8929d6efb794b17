using System.Globalization;

namespace Switchboard.Hosting.Discovery;

/// <summary>Turns <see cref="ConsulOptions"/> and the addresses Kestrel listens on into a registration.</summary>
internal static class ConsulRegistrationBuilder
{
    public static ConsulServiceRegistration? Build(ConsulOptions options, string applicationName, IReadOnlyList<Uri> listening)
    {
        var first = listening.Count > 0 ? listening[0] : null;
        var port = options.ServicePort > 0 ? options.ServicePort : first?.Port ?? 0;
        if (port <= 0)
        {
            return null;
        }

        var address = options.ServiceAddress ?? ReachableHost(first);
        var name = options.ServiceName ?? applicationName;
        var id = options.ServiceId ?? $"{name}-{address}-{port}";
        var scheme = first?.Scheme ?? Uri.UriSchemeHttp;
        var health = new UriBuilder(scheme, address, port, options.HealthPath).Uri.ToString();
        var check = new ConsulHttpCheck(health, Duration(options.CheckInterval), Duration(options.DeregisterCriticalServiceAfter));
        return new ConsulServiceRegistration(id, name, address, port, options.Tags, options.Meta, check);
    }

    // Kestrel reports wildcard binds as "[::]" or "0.0.0.0"; those are no address to give others.
    private static string ReachableHost(Uri? listening) => listening?.Host switch
    {
        null or "" or "[::]" or "0.0.0.0" or "+" or "*" => Environment.MachineName,
        var host => host,
    };

    // Consul durations: "10s", "1500ms".
    private static string Duration(TimeSpan span) => span.TotalMilliseconds % 1000 == 0
        ? ((long)span.TotalSeconds).ToString(CultureInfo.InvariantCulture) + "s"
        : ((long)span.TotalMilliseconds).ToString(CultureInfo.InvariantCulture) + "ms";
}
