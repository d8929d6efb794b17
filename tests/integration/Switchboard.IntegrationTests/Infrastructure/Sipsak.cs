namespace Switchboard.IntegrationTests.Infrastructure;

/// <summary>sipsak as a registering client (digest with password user + "pw", as the deployments provision).</summary>
internal static class Sipsak
{
    /// <summary>Registers <paramref name="user"/> from a fresh local port (returned: it is the contact's port).</summary>
    public static async Task<int> RegisterAsync(int sipPort, string user, int expires = 600)
    {
        var localPort = FreePorts.Next();
        var result = await ExternalTool.RunAsync("sipsak",
            ["-U", "-s", $"sip:{user}@127.0.0.1:{sipPort}", "-a", user + "pw", "-u", user, "-l", localPort.ToString(), "-x", expires.ToString(), "-i", "-vv"],
            TimeSpan.FromSeconds(30));
        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Contains("All usrloc tests completed successful", result.Output);
        return localPort;
    }
}
