namespace Switchboard.Sip.Validation;

public sealed class SipValidatorOptions
{
    public SipElementRole Role { get; set; } = SipElementRole.Proxy;

    /// <summary>Option tags this element supports (Require / Proxy-Require checks, RFC 3261 §8.2.2.3 and §16.3).</summary>
    public IList<string> SupportedOptionTags { get; set; } = ["path", "outbound", "gruu", "timer", "100rel", "replaces"];

    /// <summary>Body types a user agent server understands (415 otherwise) and can answer with (406 checks Accept).</summary>
    public IList<string> SupportedContentTypes { get; set; } = ["application/sdp"];
}
