using Switchboard.Sip.Parsing;
using Switchboard.Sip.Validation;

namespace Switchboard.Sip.Tests.Conformance;

/// <summary>One test per RFC 4475 message (rows render as "3.1.1.1 wsinv"), checked against MANIFEST.tsv.</summary>
public sealed class Rfc4475Tests
{
    private readonly SipParser _parser = new();

    public static TheoryData<string> Messages => Rfc4475Corpus.Sections();

    [Theory]
    [MemberData(nameof(Messages))]
    public void Message(string section)
    {
        var c = Rfc4475Corpus.FromSection(section);
        var bytes = c.ReadBytes();
        var message = new SipMessage();
        var parsed = _parser.TryParseDatagram(bytes, message, out var error);

        if (c.Expected is "valid" or "valid-semantic-error" or "transaction")
        {
            Assert.True(parsed, $"{c.Name} must parse: {error}");
        }

        if (message.IsResponse || (!parsed && bytes.AsSpan().StartsWith("SIP/"u8)))
        {
            CheckResponse(c, message, parsed, error);
        }
        else
        {
            foreach (var (role, acceptable) in c.Outcomes)
            {
                foreach (var elementRole in Roles(role, message))
                {
                    var outcome = parsed ? new SipMessageValidator(new() { Role = elementRole }).ValidateRequest(message) : error;
                    Assert.True(IsAcceptable(outcome, acceptable),
                        $"{c.Name} as {elementRole}: got {outcome}, manifest says {c.Response}");
                }
            }
        }

        if (Rfc4475SpotChecks.All.TryGetValue(c.Name, out var check))
        {
            check(message);
        }
    }

    private static void CheckResponse(Rfc4475Case c, SipMessage message, bool parsed, SipParseError error)
    {
        var outcome = parsed ? new SipMessageValidator().ValidateResponse(message) : error;
        if (c.Expected == "invalid")
        {
            Assert.True(outcome.IsError, $"{c.Name}: a malformed response must be refused");
            Assert.Equal(0, outcome.StatusCode); // responses are dropped, never answered
        }
        else
        {
            Assert.False(outcome.IsError, $"{c.Name}: {outcome}");
        }
    }

    /// <summary>"any" means every element that would see the request: a proxy, and its final recipient.</summary>
    private static IEnumerable<SipElementRole> Roles(string role, SipMessage message) => role switch
    {
        "proxy" => [SipElementRole.Proxy],
        "registrar" => [SipElementRole.Registrar],
        "uas" => [SipElementRole.UserAgentServer],
        _ => [SipElementRole.Proxy, message.Method == SipMethod.Register ? SipElementRole.Registrar : SipElementRole.UserAgentServer],
    };

    private static bool IsAcceptable(SipParseError outcome, int[] acceptable)
    {
        var status = outcome.IsError ? outcome.StatusCode : 0;
        return acceptable.Any(a => a == status || (a == 200 && status == 0) || (a == -1 && status >= 400));
    }
}
