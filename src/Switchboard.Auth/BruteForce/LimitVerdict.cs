namespace Switchboard.Auth.BruteForce;

/// <summary>What the caller does with a request before authenticating it.</summary>
public readonly record struct LimitVerdict(LimitAction Action, TimeSpan Delay)
{
    public static LimitVerdict Allow => new(LimitAction.Allow, TimeSpan.Zero);

    public static LimitVerdict Refuse => new(LimitAction.Refuse, TimeSpan.Zero);
}
