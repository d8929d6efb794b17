using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Switchboard.IntegrationTests.Infrastructure;

namespace Switchboard.IntegrationTests.Media;

/// <summary>
/// Polls the relay instances' <c>GET /api/media/sessions/{callId}</c> for one call, bounded in time, and checks on
/// every poll that no more than one instance holds it (a call's streams stay on one instance).
/// </summary>
internal sealed class MediaSessionWatch(IReadOnlyList<string> sessionApis) : IDisposable
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(20);
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(5) };

    /// <summary>The instances holding the call now (API base and session JSON).</summary>
    public async Task<List<(string Api, JsonElement Session)>> HoldersAsync(string callId)
    {
        var holders = new List<(string, JsonElement)>();
        foreach (var api in sessionApis)
        {
            using var response = await _http.GetAsync($"{api}/{Uri.EscapeDataString(callId)}");
            if (response.StatusCode == HttpStatusCode.OK)
            {
                holders.Add((api, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone()));
            }
        }

        Assert.True(holders.Count <= 1, $"{callId} is held by {holders.Count} relay instances: {string.Join(", ", holders.Select(h => h.Item1))}");
        return holders;
    }

    /// <summary>
    /// The call's single stream once <paramref name="condition"/> holds for it; fails with the last state seen and
    /// the SIPp outputs when the time runs out or a SIPp ends first.
    /// </summary>
    public async Task<(string Api, JsonElement Stream)> WaitForStreamAsync(string callId, Func<JsonElement, bool> condition, string what,
        params Task<ExternalTool.Result>[] phones)
    {
        var deadline = DateTime.UtcNow + Limit;
        string last = "(none)";
        while (DateTime.UtcNow < deadline && !phones.Any(p => p.IsCompleted))
        {
            if (await HoldersAsync(callId) is [var (api, session)])
            {
                last = session.GetRawText();
                if (session.GetProperty("streams") is { ValueKind: JsonValueKind.Array } streams && streams.GetArrayLength() == 1
                    && condition(streams[0]))
                {
                    return (api, streams[0]);
                }
            }

            await Task.Delay(100);
        }

        Assert.Fail($"{what}: not seen for {callId}; last session: {last}\n{await OutputsAsync(phones)}");
        return default;
    }

    /// <summary>Waits until no instance holds the call; returns when that was first seen.</summary>
    public async Task<DateTimeOffset> WaitGoneAsync(string callId, TimeSpan limit, string what)
    {
        var deadline = DateTime.UtcNow + limit;
        while (DateTime.UtcNow < deadline)
        {
            if ((await HoldersAsync(callId)).Count == 0)
            {
                return DateTimeOffset.UtcNow;
            }

            await Task.Delay(100);
        }

        Assert.Fail($"{what}: the relay session of {callId} is still there after {limit}");
        return default;
    }

    /// <summary>Sessions timed out so far, summed over the instances' <c>/metrics</c> (beside their session API).</summary>
    public Task<double> TimedOutTotalAsync() => MetricAsync("switchboard_media_sessions_timed_out_total");

    /// <summary>A metric without labels, summed over the instances' <c>/metrics</c>.</summary>
    public async Task<double> MetricAsync(string name)
    {
        double total = 0;
        foreach (var api in sessionApis)
        {
            var text = await _http.GetStringAsync(api.Replace("/api/media/sessions", "/metrics", StringComparison.Ordinal));
            var match = Regex.Match(text, $"^{Regex.Escape(name)} (\\S+)$", RegexOptions.Multiline);
            Assert.True(match.Success, $"no {name} at {api}");
            total += double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        }

        return total;
    }

    public static string? Peer(JsonElement stream, string side) => stream.GetProperty(side + "Peer").GetString();

    public static int Port(JsonElement stream, string side) => stream.GetProperty(side + "Port").GetInt32();

    private static async Task<string> OutputsAsync(Task<ExternalTool.Result>[] phones)
    {
        var outputs = new List<string>();
        foreach (var phone in phones)
        {
            outputs.Add(phone.IsCompleted ? (await phone).Output : "(SIPp still running)");
        }

        return string.Join("\n----\n", outputs);
    }

    public void Dispose() => _http.Dispose();
}
