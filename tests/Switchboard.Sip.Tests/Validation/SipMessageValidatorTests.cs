using Switchboard.Sip.Parsing;
using Switchboard.Sip.Validation;
using static Switchboard.Sip.Tests.TestMessages;

namespace Switchboard.Sip.Tests.Validation;

public sealed class SipMessageValidatorTests
{
    private const string Headers =
        "Via: SIP/2.0/UDP h;branch=z9hG4bK1\nFrom: <sip:a@b>;tag=1\nTo: <sip:c@d>\nCall-ID: x\n";

    private static SipParseError Validate(string text, SipElementRole role = SipElementRole.Proxy, string[]? tags = null)
    {
        var message = new SipMessage();
        Assert.True(new SipParser().TryParseDatagram(Bytes(text), message, out var error), error.ToString());
        var options = new SipValidatorOptions { Role = role };
        if (tags is not null)
        {
            options.SupportedOptionTags = tags;
        }

        return new SipMessageValidator(options).ValidateRequest(message);
    }

    [Fact]
    public void A_well_formed_request_passes()
    {
        var error = Validate(Invite);
        Assert.False(error.IsError, error.ToString());
    }

    [Theory]
    [InlineData("OPTIONS sip:a@b SIP/2.0\n" + Headers + "CSeq: 1 OPTIONS\nMax-Forwards: 256\nl: 0\n\n", SipParseErrorKind.InvalidMaxForwards, 400)]
    [InlineData("OPTIONS sip:a@b SIP/2.0\n" + Headers + "CSeq: 4294967296 OPTIONS\nl: 0\n\n", SipParseErrorKind.InvalidHeader, 400)]
    [InlineData("OPTIONS sip:a@b SIP/2.0\n" + Headers + "CSeq: 1 INVITE\nl: 0\n\n", SipParseErrorKind.CSeqMethodMismatch, 400)]
    [InlineData("FOO sip:a@b SIP/2.0\n" + Headers + "CSeq: 1 INVITE\nl: 0\n\n", SipParseErrorKind.UnknownMethod, 501)]
    [InlineData("OPTIONS mailto:a@b SIP/2.0\n" + Headers + "CSeq: 1 OPTIONS\nl: 0\n\n", SipParseErrorKind.UnsupportedUriScheme, 416)]
    [InlineData("OPTIONS sip:a@b?Route=x SIP/2.0\n" + Headers + "CSeq: 1 OPTIONS\nl: 0\n\n", SipParseErrorKind.InvalidStartLine, 400)]
    [InlineData("OPTIONS sip:a@b SIP/3.0\n" + Headers + "CSeq: 1 OPTIONS\nl: 0\n\n", SipParseErrorKind.UnsupportedVersion, 505)]
    [InlineData("OPTIONS sip:a@b SIP/2.0\n" + Headers + "l: 0\n\n", SipParseErrorKind.MissingHeader, 400)]
    [InlineData("OPTIONS sip:a@b SIP/2.0\n" + Headers + "Call-ID: y\nCSeq: 1 OPTIONS\nl: 0\n\n", SipParseErrorKind.DuplicateHeader, 400)]
    [InlineData("OPTIONS sip:a@b SIP/2.0\n" + Headers + "CSeq: 1 OPTIONS\nMax-Forwards: 0\nl: 0\n\n", SipParseErrorKind.TooManyHops, 483)]
    [InlineData("OPTIONS sip:a@b SIP/2.0\n" + Headers + "CSeq: 1 OPTIONS\nProxy-Require: foo\nl: 0\n\n", SipParseErrorKind.BadExtension, 420)]
    [InlineData("OPTIONS sip:a@b SIP/2.0\n" + Headers + "CSeq: 1 OPTIONS\nContact: sip:a@b?x=y\nl: 0\n\n", SipParseErrorKind.InvalidHeader, 400)]
    public void Proxy_role_errors(string text, SipParseErrorKind kind, int status)
    {
        var error = Validate(text);
        Assert.Equal((kind, status), (error.Kind, error.StatusCode));
        Assert.Equal(text.Contains("CSeq") && text.Contains("Via"), error.CanAnswer);
    }

    [Fact]
    public void User_agent_server_checks_require_methods_and_bodies()
    {
        var options = "OPTIONS sip:a@b SIP/2.0\n" + Headers + "CSeq: 1 OPTIONS\nRequire: path\nProxy-Require: foo\nl: 0\n\n";
        Assert.False(Validate(options, SipElementRole.UserAgentServer).IsError); // Proxy-Require is for proxies
        Assert.Equal(420, Validate(options, SipElementRole.UserAgentServer, tags: []).StatusCode);
        Assert.Equal(501, Validate("FOO sip:a@b SIP/2.0\n" + Headers + "CSeq: 1 FOO\nl: 0\n\n", SipElementRole.UserAgentServer).StatusCode);
        Assert.Equal(415, Validate("INVITE sip:a@b SIP/2.0\n" + Headers + "CSeq: 1 INVITE\nc: text/x\nl: 1\n\nx", SipElementRole.UserAgentServer).StatusCode);
        Assert.Equal(406, Validate("INVITE sip:a@b SIP/2.0\n" + Headers + "CSeq: 1 INVITE\nAccept: text/x\nl: 0\n\n", SipElementRole.UserAgentServer).StatusCode);
        Assert.False(Validate("INVITE sip:a@b SIP/2.0\n" + Headers + "CSeq: 1 INVITE\nAccept: application/*\nl: 0\n\n", SipElementRole.UserAgentServer).IsError);
        Assert.False(Validate("OPTIONS sip:a@b SIP/2.0\n" + Headers + "CSeq: 1 OPTIONS\nMax-Forwards: 0\nl: 0\n\n", SipElementRole.UserAgentServer).IsError);
    }

    [Fact]
    public void Registrar_requires_a_sip_address_of_record()
    {
        var register = "REGISTER sip:r SIP/2.0\nVia: SIP/2.0/UDP h;branch=z9hG4bK1\nFrom: <tel:+1>;tag=1\nTo: <tel:+1>\nCall-ID: x\nCSeq: 1 REGISTER\nl: 0\n\n";
        Assert.Equal(SipParseErrorKind.InvalidAddressOfRecord, Validate(register, SipElementRole.Registrar).Kind);
        Assert.False(Validate(register, SipElementRole.Proxy).IsError);
    }
}
