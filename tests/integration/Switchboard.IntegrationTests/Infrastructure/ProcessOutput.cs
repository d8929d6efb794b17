using System.Diagnostics;
using System.Text;

namespace Switchboard.IntegrationTests.Infrastructure;

/// <summary>
/// A started process's stdout and stderr lines, kept in memory up to <c>limit</c> characters (a chatty process cannot
/// exhaust the test host's memory), for failure messages and assertions.
/// </summary>
internal sealed class ProcessOutput(int limit)
{
    private readonly StringBuilder _text = new();

    public string Text
    {
        get
        {
            lock (_text)
            {
                return _text.ToString();
            }
        }
    }

    /// <summary>Starts reading both streams of <paramref name="process"/> (started with them redirected).</summary>
    public void Attach(Process process)
    {
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_text)
        {
            if (_text.Length < limit)
            {
                _text.AppendLine(line);
            }
        }
    }
}
