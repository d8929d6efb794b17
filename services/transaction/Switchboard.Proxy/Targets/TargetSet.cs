using Switchboard.Proxy.Validation;

namespace Switchboard.Proxy.Targets;

/// <summary>The target set of an initial request, or why there is none (404 unknown user, 480 not registered...).</summary>
public sealed record TargetSet(IReadOnlyList<TargetGroup> Groups, ProxyRejection? Rejection)
{
    public static TargetSet Rejected(int statusCode, string reason) => new([], new ProxyRejection(statusCode, reason));

    public static TargetSet Of(IReadOnlyList<TargetGroup> groups) => new(groups, null);
}
