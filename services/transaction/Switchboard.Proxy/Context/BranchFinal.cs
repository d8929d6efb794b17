using Switchboard.Sip;

namespace Switchboard.Proxy.Context;

/// <summary>A final response in the response context; <see cref="Response"/> is null for one we stand in for (408, 487, 503).</summary>
internal sealed record BranchFinal(int StatusCode, SipMessage? Response);
