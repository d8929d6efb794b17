namespace Switchboard.IntegrationTests.Infrastructure;

/// <summary>
/// The broker <c>./test.sh</c> started (<c>SWITCHBOARD_RABBITMQ</c>, with <c>RMQ_DIR</c> naming its directory):
/// tests that need a bus fail with a clear message when it is missing, and fault tests stop and start it by pid
/// through <c>scripts/rabbitmq.sh</c>.
/// </summary>
public sealed class RabbitMqBroker
{
    public const string UriVariable = "SWITCHBOARD_RABBITMQ";

    private RabbitMqBroker(Uri uri, string? directory)
    {
        Uri = uri;
        Directory = directory;
    }

    /// <summary>amqp://user:password@127.0.0.1:PORT/</summary>
    public Uri Uri { get; }

    /// <summary>The script's RMQ_DIR (its pid file); null when the broker was not started by the script.</summary>
    public string? Directory { get; }

    public static RabbitMqBroker FromEnvironment()
    {
        var value = Environment.GetEnvironmentVariable(UriVariable);
        if (string.IsNullOrWhiteSpace(value) || !Uri.TryCreate(value, UriKind.Absolute, out var uri))
        {
            throw new InvalidOperationException(
                $"{UriVariable} is not set (or not a URI): these tests need RabbitMQ. Run ./test.sh, or start a broker with " +
                $"RMQ_PORT=5682 RMQ_DIR=$(mktemp -d) scripts/rabbitmq.sh start and export {UriVariable}=amqp://guest:guest@127.0.0.1:5682/ and RMQ_DIR.");
        }
        var directory = Environment.GetEnvironmentVariable("RMQ_DIR");
        return new RabbitMqBroker(uri, string.IsNullOrWhiteSpace(directory) ? null : directory);
    }

    public Task StopAsync() => RunScriptAsync("stop");

    public Task StartAsync() => RunScriptAsync("start");

    private async Task RunScriptAsync(string command)
    {
        if (Directory is null || !File.Exists(Path.Combine(Directory, "server.pid")) && command == "stop")
        {
            throw new InvalidOperationException(
                $"RMQ_DIR does not name the directory of the running broker ({Directory ?? "unset"}): cannot {command} it by pid.");
        }
        var environment = new Dictionary<string, string> { ["RMQ_DIR"] = Directory, ["RMQ_PORT"] = Uri.Port.ToString() };
        var result = await ExternalTool.RunAsync(RepositoryPaths.RabbitMqScript, [command], TimeSpan.FromSeconds(90), environment: environment);
        Assert.True(result.ExitCode == 0, $"rabbitmq.sh {command}: {result.Output}");
    }
}
