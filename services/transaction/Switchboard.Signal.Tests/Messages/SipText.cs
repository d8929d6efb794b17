namespace Switchboard.Signal.Tests.Messages;

/// <summary>Request texts for the tests; lines are joined with CRLF and end with the empty line.</summary>
internal static class SipText
{
    public static string Lines(params string[] lines) => string.Join("\r\n", lines) + "\r\n\r\n";

    public static string Options(
        string uri = "sip:sip.example.com", string branch = "z9hG4bKopt1", string via = "SIP/2.0/UDP 192.0.2.10:5070",
        params string[] extra) =>
        Lines([
            $"OPTIONS {uri} SIP/2.0",
            $"Via: {via};branch={branch}",
            "Max-Forwards: 70",
            "From: <sip:alice@example.com>;tag=fa1",
            $"To: <{uri}>",
            "Call-ID: options-1@192.0.2.10",
            "CSeq: 1 OPTIONS",
            .. extra,
            "Content-Length: 0",
        ]);

    public static string Request(string method, string uri, string branch, string callId, int cseq = 1, params string[] extra) =>
        Lines([
            $"{method} {uri} SIP/2.0",
            $"Via: SIP/2.0/UDP 192.0.2.10:5070;branch={branch}",
            "Max-Forwards: 70",
            "From: <sip:alice@example.com>;tag=fa1",
            $"To: <{uri}>",
            $"Call-ID: {callId}",
            $"CSeq: {cseq} {method}",
            .. extra,
            "Content-Length: 0",
        ]);

    public static string Register(
        string user = "alice", string domain = "example.com", int cseq = 1, string callId = "reg-1@192.0.2.10",
        string contact = "<sip:alice@192.0.2.10:5070>", params string[] extra) =>
        Lines([
            $"REGISTER sip:{domain} SIP/2.0",
            $"Via: SIP/2.0/UDP 192.0.2.10:5070;branch=z9hG4bKreg{cseq}",
            "Max-Forwards: 70",
            $"From: <sip:{user}@{domain}>;tag=r1",
            $"To: <sip:{user}@{domain}>",
            $"Call-ID: {callId}",
            $"CSeq: {cseq} REGISTER",
            $"Contact: {contact}",
            .. extra,
            "Content-Length: 0",
        ]);
}
