namespace Switchboard.IntegrationTests.Infrastructure;

/// <summary>Finds the repository and the built hosts (same configuration as this test assembly).</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>Debug or Release, read from where this test assembly was built.</summary>
    public static string Configuration { get; } =
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}") ? "Release" : "Debug";

    public static string HostDll(string projectDirectory, string assemblyName) =>
        Path.Combine(Root, projectDirectory, "bin", Configuration, "net10.0", assemblyName + ".dll");

    public static string AllInOne => HostDll("src/Switchboard", "Switchboard");

    public static string EdgeService => HostDll("services/edge-transport/Switchboard.EdgeTransport.Service", "Switchboard.EdgeTransport.Service");

    public static string TransactionService => HostDll("services/transaction/Switchboard.Transaction.Service", "Switchboard.Transaction.Service");

    public static string RouterService => HostDll("services/router/Switchboard.Router.Service", "Switchboard.Router.Service");

    public static string RegistrarService => HostDll("services/registrar/Switchboard.Registrar.Service", "Switchboard.Registrar.Service");

    public static string AdminGateway => HostDll("src/Switchboard.AdminGateway", "Switchboard.AdminGateway");

    public static string RabbitMqScript => Path.Combine(Root, "scripts", "rabbitmq.sh");

    public static string Rfc4475 => Path.Combine(AppContext.BaseDirectory, "rfc4475");

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Switchboard.slnx")))
        {
            directory = directory.Parent;
        }
        return directory?.FullName ?? throw new InvalidOperationException("Switchboard.slnx not found above " + AppContext.BaseDirectory);
    }
}
