namespace Switchboard.Auth.BruteForce;

public enum LimitAction
{
    Allow,

    /// <summary>Hold the request for <see cref="LimitVerdict.Delay"/> before answering it.</summary>
    Delay,

    /// <summary>Answer 403 without checking credentials.</summary>
    Refuse,
}
