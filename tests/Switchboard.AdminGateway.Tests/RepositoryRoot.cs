namespace Switchboard.AdminGateway.Tests;

internal static class RepositoryRoot
{
    /// <summary>The folder holding Switchboard.slnx, found upwards from the test binaries.</summary>
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Switchboard.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"no Switchboard.slnx above {AppContext.BaseDirectory}");
    }
}
