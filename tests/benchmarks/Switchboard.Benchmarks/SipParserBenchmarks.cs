using BenchmarkDotNet.Attributes;
using Switchboard.Sip;
using Switchboard.Sip.Parsing;

namespace Switchboard.Benchmarks;

/// <summary>Parse + header index of canned messages into a reused <see cref="SipMessage"/> (the hot path).</summary>
[MemoryDiagnoser]
[MinColumn]
[MedianColumn]
public class SipParserBenchmarks
{
    private readonly SipParser _parser = new();
    private readonly SipMessage _message = new();
    private readonly ReadOnlyMemory<byte> _invite = SipMessages.Invite;
    private readonly ReadOnlyMemory<byte> _register = SipMessages.Register;
    private readonly ReadOnlyMemory<byte> _ok = SipMessages.Ok;

    [Benchmark(Description = "Parse INVITE+SDP (~900 B)")]
    public bool ParseInvite() => _parser.TryParseDatagram(_invite, _message, out _);

    [Benchmark(Description = "Parse REGISTER+Authorization")]
    public bool ParseRegister() => _parser.TryParseDatagram(_register, _message, out _);

    [Benchmark(Description = "Parse 200 OK (3 Via)")]
    public bool ParseOk() => _parser.TryParseDatagram(_ok, _message, out _);

    [Benchmark(Description = "Parse INVITE + read Via/From/To/CSeq/Call-ID")]
    public int ParseInviteAndReadCommonHeaders()
    {
        _parser.TryParseDatagram(_invite, _message, out _);
        _message.TryGetVia(out var via);
        _message.TryGetFrom(out var from);
        _message.TryGetTo(out var to);
        _message.TryGetCSeq(out var cseq);
        _message.TryGetCallId(out var callId);
        return via.Port + from.GetTag(_message.Span).Length + to.Uri.Length + (int)cseq.Number + callId.Length;
    }
}
