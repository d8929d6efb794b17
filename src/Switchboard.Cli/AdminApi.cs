using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Switchboard.Cli;

/// <summary>Calls the admin HTTP API; a non-success answer is printed to the error writer and gives exit code 1.</summary>
internal sealed class AdminApi(HttpClient http, TextWriter output, TextWriter error) : IDisposable
{
    public TextWriter Output { get; } = output;

    public Task<HttpResponseMessage> GetAsync(string path, CancellationToken cancellationToken) =>
        http.GetAsync(path, cancellationToken);

    public Task<HttpResponseMessage> PostJsonAsync<T>(string path, T body, CancellationToken cancellationToken) =>
        http.PostAsJsonAsync(path, body, cancellationToken);

    public Task<HttpResponseMessage> PutJsonAsync<T>(string path, T body, CancellationToken cancellationToken) =>
        http.PutAsJsonAsync(path, body, cancellationToken);

    public Task<HttpResponseMessage> SendTextAsync(HttpMethod method, string path, string text, string mediaType, CancellationToken cancellationToken) =>
        http.SendAsync(new HttpRequestMessage(method, path) { Content = new StringContent(text, Encoding.UTF8, mediaType) }, cancellationToken);

    public Task<HttpResponseMessage> DeleteAsync(string path, CancellationToken cancellationToken) =>
        http.DeleteAsync(path, cancellationToken);

    /// <summary>0 and <paramref name="success"/> printed, or 1 with the server's problem (and line errors) printed.</summary>
    public async Task<int> ReportAsync(HttpResponseMessage response, string success, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
            return await FailAsync(response, cancellationToken);
        await Output.WriteLineAsync(success);
        return 0;
    }

    /// <summary>The JSON body of a success, or null after printing the failure.</summary>
    public async Task<JsonElement?> JsonAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            await FailAsync(response, cancellationToken);
            return null;
        }
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        return document.RootElement.Clone();
    }

    public async Task<int> FailAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        var title = response.ReasonPhrase ?? "";
        List<string> lines = [];
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("title", out var t))
                title = t.GetString() ?? title;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array)
                lines.AddRange(errors.EnumerateArray().Select(e => $"  line {e.GetProperty("line").GetInt32()}: {e.GetProperty("message").GetString()}"));
        }
        catch (JsonException)
        {
            title = body.Length is > 0 and < 200 ? body : title;
        }
        await error.WriteLineAsync($"error: HTTP {(int)response.StatusCode}: {title}");
        foreach (var line in lines)
            await error.WriteLineAsync(line);
        return 1;
    }

    public void Dispose() => http.Dispose();
}
