namespace Switchboard.Hosting.Settings;

/// <summary>What <see cref="RuntimeSettings.Apply"/> did with one setting.</summary>
public enum RuntimeSettingOutcome
{
    /// <summary>Stored; options bound to it see the new value.</summary>
    Applied,

    /// <summary>Already the current value: nothing reloaded.</summary>
    Unchanged,

    /// <summary>No section of this process takes it at run time (another service's setting): ignored.</summary>
    NotApplicable,

    /// <summary>Malformed, over the bounds, or its options failed validation: the old value stays.</summary>
    Refused,
}
