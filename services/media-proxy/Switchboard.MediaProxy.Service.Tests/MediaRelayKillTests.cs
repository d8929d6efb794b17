using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Switchboard.Contracts.Media;
using Switchboard.Hosting.Discovery;
using Switchboard.Protos.Clients;

namespace Switchboard.MediaProxy.Service.Tests;

/// <summary>
/// Two media-proxy service processes (the built service, run by <c>dotnet</c>); one is killed with SIGKILL, as a
/// crashed container would be (no graceful HTTP/2 goaway, its sockets just vanish), while discovery still lists it.
/// New relay requests must reach the survivor (issue 6).
/// </summary>
public sealed class MediaRelayKillTests : IAsyncLifetime
{
    private readonly RecordingServiceLocator _locator = new();
    private MediaProxyProcess _doomed = null!;
    private MediaProxyProcess _survivor = null!;
    private MediaRelayPicker _picker = null!;
    private GrpcMediaRelayControl _control = null!;

    public async Task InitializeAsync()
    {
        _doomed = MediaProxyProcess.Start("mp-doomed", 32200);
        _survivor = MediaProxyProcess.Start("mp-survivor", 32300);
        await Task.WhenAll(_doomed.WaitForHealthAsync(), _survivor.WaitForHealthAsync());
        _locator.SetEndpoints(_doomed.Endpoint, _survivor.Endpoint);
        _picker = new MediaRelayPicker(_locator, TestPicker.Options());
        _control = new GrpcMediaRelayControl(_picker);
    }

    public async Task DisposeAsync()
    {
        _picker.Dispose();
        await _doomed.DisposeAsync();
        await _survivor.DisposeAsync();
    }

    private Task<MediaControlResult> Offer(string callId) =>
        _control.Offer(new MediaOffer(callId, "a", TestSdp.Audio(40000), MediaNetwork.Wan));

    [Fact]
    public async Task After_one_instance_is_killed_new_relays_go_to_the_survivor()
    {
        // Ranked while both are up: these Call-IDs hash to the doomed instance first.
        var callIds = await CallIdsFirstOn(_doomed.Id, 5);
        var running = callIds[0];
        var placed = await Offer(running);
        Assert.Equal((MediaControlStatus.Relayed, _doomed.Id), (placed.Status, placed.InstanceId));

        _doomed.Kill();

        foreach (var callId in callIds.Skip(1))
        {
            var result = await Offer(callId);
            Assert.Equal((MediaControlStatus.Relayed, _survivor.Id), (result.Status, result.InstanceId));
            Assert.Equal(_survivor.Id, _picker.PinnedInstance(callId));
        }
        // The call whose session died with its instance gets a clear 503 for its answer.
        var answer = await _control.Answer(new MediaAnswer(running, "a", "b", TestSdp.Audio(40002, "bob"), MediaNetwork.Lan));
        Assert.Equal((MediaControlStatus.Unavailable, 503), (answer.Status, answer.SipStatusCode));
    }

    // Call-IDs are hashed: take the first of a bounded number that rank the wanted instance first.
    private async Task<string[]> CallIdsFirstOn(string instanceId, int count)
    {
        var found = new List<string>();
        for (var i = 0; i < 256 && found.Count < count; i++)
        {
            var callId = $"kill-{i}";
            if ((await _picker.Candidates(callId)) is [var first, _] && first.Id == instanceId)
                found.Add(callId);
        }
        Assert.True(found.Count == count, $"only {found.Count} of 256 Call-IDs ranked {instanceId} first");
        return found.ToArray();
    }

    /// <summary>The built media-proxy service as a child process, stopped by pid.</summary>
    private sealed class MediaProxyProcess : IAsyncDisposable
    {
        private readonly Process _process;
        private readonly int _httpPort;

        private MediaProxyProcess(string id, Process process, int httpPort, int grpcPort)
        {
            Id = id;
            _process = process;
            _httpPort = httpPort;
            Endpoint = new ServiceEndpoint(id, "127.0.0.1", grpcPort, new Dictionary<string, string>());
        }

        public string Id { get; }

        public ServiceEndpoint Endpoint { get; }

        public static MediaProxyProcess Start(string id, int portRangeStart)
        {
            var dll = ServiceDll();
            var (http, grpc) = (FreePort(), FreePort());
            var info = new ProcessStartInfo("dotnet")
            {
                UseShellExecute = false,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                WorkingDirectory = Path.GetDirectoryName(dll)!,
            };
            foreach (var argument in new[]
            {
                dll,
                $"--Kestrel:Endpoints:http:Url=http://127.0.0.1:{http}", "--Kestrel:Endpoints:http:Protocols=Http1",
                $"--Kestrel:Endpoints:grpc:Url=http://127.0.0.1:{grpc}", "--Kestrel:Endpoints:grpc:Protocols=Http2",
                $"--MediaProxy:InstanceId={id}",
                $"--MediaProxy:PortRangeStart={portRangeStart.ToString(CultureInfo.InvariantCulture)}",
                $"--MediaProxy:PortRangeEnd={(portRangeStart + 99).ToString(CultureInfo.InvariantCulture)}",
                "--MediaProxy:BindAddress=127.0.0.1", "--MediaProxy:LanAddress=127.0.0.1", "--MediaProxy:WanAddress=127.0.0.1",
                "--Logging:LogLevel:Default=Warning",
            })
            {
                info.ArgumentList.Add(argument);
            }
            var process = Process.Start(info) ?? throw new InvalidOperationException($"{id} did not start");
            // Drained so a chatty child never blocks on a full pipe.
            process.OutputDataReceived += (_, _) => { };
            process.ErrorDataReceived += (_, _) => { };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            return new MediaProxyProcess(id, process, http, grpc);
        }

        public async Task WaitForHealthAsync()
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (DateTime.UtcNow < deadline && !_process.HasExited)
            {
                try
                {
                    using var response = await http.GetAsync($"http://127.0.0.1:{_httpPort}/health");
                    if (response.IsSuccessStatusCode)
                        return;
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    // Not listening yet.
                }
                await Task.Delay(200);
            }
            throw new TimeoutException($"{Id}: no /health within 60 s (exited: {_process.HasExited})");
        }

        /// <summary>SIGKILL, and waits until the process is gone.</summary>
        public void Kill()
        {
            _process.Kill(entireProcessTree: false);
            if (!_process.WaitForExit(10_000))
                throw new TimeoutException($"{Id} (pid {_process.Id}) did not die");
        }

        public async ValueTask DisposeAsync()
        {
            if (!_process.HasExited)
            {
                _process.Kill();
                await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
            }
            _process.Dispose();
        }

        // The service project's own output (runtimeconfig and deps beside it), same configuration as this assembly.
        private static string ServiceDll()
        {
            var here = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            var (framework, configuration) = (here.Name, here.Parent!.Name);
            var projects = here.Parent!.Parent!.Parent!.Parent!.FullName;
            var dll = Path.Combine(projects, "Switchboard.MediaProxy.Service", "bin", configuration, framework, "Switchboard.MediaProxy.Service.dll");
            return File.Exists(dll) ? dll : throw new FileNotFoundException("build the media-proxy service first", dll);
        }

        private static int FreePort()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
    }
}
