namespace Switchboard.Proxy.Targets;

/// <summary>Targets of equal q, tried in parallel; groups are tried one after another, highest q first.</summary>
public sealed record TargetGroup(int QThousandths, IReadOnlyList<ProxyTarget> Targets);
