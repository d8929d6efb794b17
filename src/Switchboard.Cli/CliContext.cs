using System.CommandLine;

namespace Switchboard.Cli;

/// <summary>What every command needs: the <c>--server</c> option, the writers, and how to make an HTTP client.</summary>
internal sealed class CliContext(Option<string> server, TextWriter output, TextWriter error, HttpMessageHandler? handler)
{
    public TextWriter Output { get; } = output;

    public TextWriter Error { get; } = error;

    public AdminApi Api(ParseResult parse)
    {
        var text = parse.GetValue(server) ?? SwitchboardCli.DefaultServer;
        if (!Uri.TryCreate(text, UriKind.Absolute, out var baseAddress) || baseAddress.Scheme is not ("http" or "https"))
            throw new CliException($"--server must be an http:// or https:// URL, got '{text}'");
        var http = handler is null ? new HttpClient() : new HttpClient(handler, disposeHandler: false);
        http.BaseAddress = baseAddress;
        http.Timeout = TimeSpan.FromSeconds(100);
        return new AdminApi(http, Output, Error);
    }

    /// <summary>Wraps a command body: prints a <see cref="CliException"/> or unreachable server as one line, exit 1.</summary>
    public Func<ParseResult, CancellationToken, Task<int>> Run(Func<ParseResult, AdminApi, CancellationToken, Task<int>> body) =>
        async (parse, cancellationToken) =>
        {
            try
            {
                using var api = Api(parse);
                return await body(parse, api, cancellationToken);
            }
            catch (CliException failure)
            {
                await Error.WriteLineAsync($"error: {failure.Message}");
                return 1;
            }
            catch (HttpRequestException failure)
            {
                await Error.WriteLineAsync($"error: cannot reach the server: {failure.Message}");
                return 1;
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                await Error.WriteLineAsync("error: the server did not answer in time");
                return 1;
            }
        };
}
