using System.Text.RegularExpressions;
using Switchboard.Contracts.Media;
using Switchboard.Protos.Clients;

namespace Switchboard.MediaProxy.Service.Tests;

/// <summary>
/// /metrics as Program.cs wires it (the default registry, MapSwitchboardDefaults). The only test class that uses the
/// process-wide registry, so other hosts' figures never mix in.
/// </summary>
public sealed partial class MetricsTests
{
    [Fact]
    public async Task Metrics_are_valid_prometheus_text_with_the_relay_figures()
    {
        await using var host = await MediaProxyTestHost.Start("mp-metrics", 31400, defaultMetrics: true);
        var locator = new RecordingServiceLocator();
        locator.Set(host);
        using var picker = new MediaRelayPicker(locator, TestPicker.Options());
        var control = new GrpcMediaRelayControl(picker);
        using var caller = new UdpPeer();
        using var callee = new UdpPeer();
        var offer = await control.Offer(new MediaOffer("metrics-1", "a", TestSdp.Audio(caller.Port), MediaNetwork.Wan));
        var answer = await control.Answer(new MediaAnswer("metrics-1", "a", "b", TestSdp.Audio(callee.Port, "bob"), MediaNetwork.Lan));
        for (ushort i = 0; i < 5; i++)
        {
            caller.SendRtp(i, TestSdp.AudioPort(answer.Sdp));
            Assert.Equal(i, await callee.ReceiveAsync());
        }

        using var http = new HttpClient { BaseAddress = host.HttpAddress };
        // The relay counts a packet just after sending it: the last count can trail the last arrival briefly.
        var text = await http.GetStringAsync("/metrics");
        for (var i = 0; i < 20 && !text.Contains("\nswitchboard_media_packets_relayed_total 5\n", StringComparison.Ordinal); i++)
            text = await http.GetStringAsync("/metrics");

        var samples = Parse(text);
        Assert.All(samples.Keys, name => Assert.Matches(ValidName(), name));
        Assert.Equal(1, samples["switchboard_media_sessions"]);
        Assert.Equal(1, samples["switchboard_media_streams"]);
        Assert.Equal(2, samples["switchboard_media_port_pairs_in_use"]); // one pair facing each leg
        Assert.Equal(5, samples["switchboard_media_packets_relayed_total"]);
        Assert.Equal(5 * 172, samples["switchboard_media_bytes_relayed_total"]);
        Assert.Equal(0, samples["switchboard_media_packets_dropped_total"]);
        var types = TypeLine().Matches(text).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);
        foreach (var name in samples.Keys.Where(n => n.StartsWith("switchboard_media_", StringComparison.Ordinal)))
            Assert.Equal(name.EndsWith("_total", StringComparison.Ordinal) ? "counter" : "gauge", types[name]);
        Assert.Contains("switchboard_media_sessions_timed_out_total", types.Keys);
        Assert.Contains("switchboard_media_allocation_failures_total", types.Keys);
        Assert.Contains("switchboard_media_kernel_rules", types.Keys);
        Assert.Contains("switchboard_media_kernel_packets_relayed_total", types.Keys);
        Assert.Equal(12, types.Keys.Count(n => n.StartsWith("switchboard_media_", StringComparison.Ordinal)));
        Assert.Equal(MediaControlStatus.Relayed, offer.Status);
    }

    // name{labels} value — the label part is skipped; the sum over label sets is irrelevant here (ours have none).
    private static Dictionary<string, double> Parse(string text)
    {
        var samples = new Dictionary<string, double>();
        foreach (var line in text.Split('\n'))
        {
            if (line.Length == 0 || line[0] == '#')
                continue;
            var match = SampleLine().Match(line);
            Assert.True(match.Success, $"not a sample line: '{line}'");
            samples[match.Groups[1].Value] = double.Parse(match.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture);
        }

        return samples;
    }

    [GeneratedRegex("^[a-zA-Z_:][a-zA-Z0-9_:]*$")]
    private static partial Regex ValidName();

    [GeneratedRegex(@"^(\S+?)(?:\{.*\})? (\S+)$")]
    private static partial Regex SampleLine();

    [GeneratedRegex(@"^# TYPE (\S+) (\S+)$", RegexOptions.Multiline)]
    private static partial Regex TypeLine();
}
