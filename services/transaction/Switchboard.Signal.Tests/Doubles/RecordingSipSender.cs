using System.Text;
using Switchboard.Contracts.Sip;
using Switchboard.Sip;
using Switchboard.Sip.Parsing;

namespace Switchboard.Signal.Tests.Doubles;

/// <summary>Records what would go on the wire; answers with a configurable status.</summary>
internal sealed class RecordingSipSender : ISipSender
{
    private readonly Lock _lock = new();
    private readonly List<SentMessage> _sent = [];

    public SendStatus NextStatus { get; set; } = SendStatus.Sent;

    public IReadOnlyList<SentMessage> Sent
    {
        get { lock (_lock) return _sent.ToArray(); }
    }

    public ValueTask<SendResult> SendAsync(ReadOnlyMemory<byte> message, SendTarget target, CancellationToken cancellationToken = default)
    {
        lock (_lock) _sent.Add(new SentMessage(message.ToArray(), target));
        return ValueTask.FromResult(new SendResult(NextStatus, target.Flow));
    }

    public void Clear()
    {
        lock (_lock) _sent.Clear();
    }
}

internal sealed record SentMessage(byte[] Bytes, SendTarget Target)
{
    public string Text => Encoding.UTF8.GetString(Bytes);

    public SipMessage Parse()
    {
        var message = new SipMessage();
        Assert.True(new SipParser(null).TryParseFramed(Bytes, message, out var error), $"sent message does not parse: {error}\n{Text}");
        return message;
    }

    public int StatusCode => Parse().StatusCode;

    /// <summary>Every value of header <paramref name="name"/>, in order (one per line as we write them).</summary>
    public IReadOnlyList<string> Headers(string name) =>
        Text.Split("\r\n").Where(l => l.StartsWith(name + ":", StringComparison.OrdinalIgnoreCase)).Select(l => l[(name.Length + 1)..].Trim()).ToArray();
}
