using System.Text.RegularExpressions;
using Switchboard.IntegrationTests.Infrastructure;

namespace Switchboard.IntegrationTests.Calls;

/// <summary>
/// SIPp as a caller or a callee of a call through Switchboard (Scenarios/call_*.xml), bounded in time. A callee
/// registers from its own port first (call_register.xml), then a UAS scenario listens on that port for one call.
/// </summary>
internal static partial class SippPeer
{
    private static readonly TimeSpan RunLimit = TimeSpan.FromSeconds(60);

    public static string Scenario(string name) => Path.Combine(AppContext.BaseDirectory, "Scenarios", name);

    /// <summary>
    /// Registers <paramref name="user"/> (password user + "pw") over UDP with Contact = <paramref name="address"/>:<paramref name="port"/>
    /// (call_register_tcp_contact.xml: the same Contact with transport=tcp), sent from that address.
    /// </summary>
    public static async Task RegisterAsync(SwitchboardDeployment deployment, string user, int port, string scenario = "call_register.xml",
        string address = "127.0.0.1")
    {
        var result = await ExternalTool.RunAsync("sipp",
        [
            $"127.0.0.1:{deployment.SipPort}", "-sf", Scenario(scenario), "-s", user, "-au", user, "-ap", user + "pw",
            "-i", address, "-p", port.ToString(), "-m", "1", "-timeout", "15s", "-timeout_error", "-nostdin", "-trace_err",
        ], TimeSpan.FromSeconds(30), deployment.DataDirectory);
        Assert.True(result.ExitCode == 0, $"REGISTER {user} from {port}:\n{result.Output}");
    }

    /// <summary>Starts a callee scenario for one call on <paramref name="address"/>:<paramref name="port"/>.</summary>
    /// <paramref name="messageLog"/>: where SIPp writes every message it sent and received (for assertions on headers).
    /// <paramref name="tcp"/>: listen on TCP (SIPp -t t1) instead of UDP.
    public static Task<ExternalTool.Result> ServeAsync(SwitchboardDeployment deployment, string scenario, string user, int port,
        string address = "127.0.0.1", string? messageLog = null, bool tcp = false) =>
        ExternalTool.RunAsync("sipp",
        [
            "-sf", Scenario(scenario), "-s", user, "-i", address, "-p", port.ToString(), "-m", "1",
            "-timeout", "40s", "-timeout_error", "-nostdin", "-trace_err",
            .. messageLog is null ? Array.Empty<string>() : ["-trace_msg", "-message_file", messageLog],
            .. Transport(tcp),
        ], RunLimit, deployment.DataDirectory);

    /// <summary>
    /// Runs one call of a caller scenario as alice (digest: alicepw) to <paramref name="callee"/>, over one TCP
    /// connection (SIPp -t t1) when <paramref name="tcp"/> is set, else UDP.
    /// </summary>
    public static Task<ExternalTool.Result> CallAsync(SwitchboardDeployment deployment, string scenario, string callee, bool tcp = false) =>
        ExternalTool.RunAsync("sipp",
        [
            $"127.0.0.1:{deployment.SipPort}", "-sf", Scenario(scenario), "-s", callee, "-au", "alice", "-ap", "alicepw",
            // SIPp digests "sip:host:port" unless told the Request-URI (without the scheme, which it adds).
            "-auth_uri", $"{callee}@127.0.0.1:{deployment.SipPort}",
            "-i", "127.0.0.1", "-p", FreePorts.Next().ToString(), "-m", "1",
            "-timeout", "40s", "-timeout_error", "-nostdin", "-trace_err",
            .. Transport(tcp),
        ], RunLimit, deployment.DataDirectory);

    // t1: one TCP connection for all calls (the default u1 is UDP).
    private static string[] Transport(bool tcp) => tcp ? ["-t", "t1"] : [];

    /// <summary>SIPp exited 0 and its final statistics count exactly one successful call.</summary>
    public static void AssertOneSuccessfulCall(ExternalTool.Result result, string who)
    {
        Assert.True(result.ExitCode == 0, $"{who}: exit {result.ExitCode}\n{result.Output}");
        var cumulative = SuccessfulCalls().Matches(result.Output).Select(m => int.Parse(m.Groups[1].Value)).LastOrDefault();
        Assert.True(cumulative == 1, $"{who}: {cumulative} successful calls\n{result.Output}");
    }

    // The screen's "Successful call | periodic | cumulative" line.
    [GeneratedRegex(@"Successful call\s+\|\s+\d+\s+\|\s+(\d+)")]
    private static partial Regex SuccessfulCalls();
}
