using Switchboard.Sip;

namespace Switchboard.Proxy.Context;

/// <summary>
/// A final response in the response context; <see cref="Response"/> is null for one we stand in for (408, 487, 503).
/// <see cref="Overloaded"/>: the 503 is this proxy's own (no client transaction could start), answered as 503.
/// </summary>
internal sealed record BranchFinal(int StatusCode, SipMessage? Response, bool Overloaded = false);
