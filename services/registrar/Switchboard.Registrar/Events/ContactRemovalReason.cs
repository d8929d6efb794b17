namespace Switchboard.Registrar.Events;

public enum ContactRemovalReason
{
    /// <summary>expires=0 for this contact.</summary>
    Unregistered,

    /// <summary><c>Contact: *</c> with <c>Expires: 0</c>.</summary>
    Wildcard,

    /// <summary>Dropped to stay within MaxContactsPerAor.</summary>
    ContactLimit,
}
