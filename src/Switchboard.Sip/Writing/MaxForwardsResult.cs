namespace Switchboard.Sip.Writing;

/// <summary>What <see cref="SipMessageEditor.DecrementMaxForwards"/> did (RFC 3261 §16.3 step 3, §16.6 step 3).</summary>
public enum MaxForwardsResult : byte
{
    /// <summary>The value was decremented.</summary>
    Decremented,

    /// <summary>The request had none; "Max-Forwards: 70" was added.</summary>
    Added,

    /// <summary>The value is 0: do not forward, answer 483 Too Many Hops.</summary>
    Exhausted,

    /// <summary>The value is not a number in 0..255: answer 400.</summary>
    Invalid,
}
