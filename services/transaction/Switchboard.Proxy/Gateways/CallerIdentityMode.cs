namespace Switchboard.Proxy.Gateways;

/// <summary>How a call sent to a gateway carries the caller identity the provider expects.</summary>
public enum CallerIdentityMode
{
    /// <summary>The request goes as the caller sent it.</summary>
    None,
    /// <summary>Add <c>P-Asserted-Identity: &lt;sip:caller-user@gateway-domain&gt;</c> (RFC 3325), From unchanged.</summary>
    PAssertedIdentity,
    /// <summary>Rewrite the From URI to the trunk account (<c>sip:username@gateway-domain</c>), tag and display name kept.</summary>
    RewriteFrom,
}
