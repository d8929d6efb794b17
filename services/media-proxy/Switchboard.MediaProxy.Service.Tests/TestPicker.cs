using Switchboard.Protos.Clients;

namespace Switchboard.MediaProxy.Service.Tests;

internal static class TestPicker
{
    /// <summary>
    /// The locator is asked on every call (tests change the instance list), and the deadline is generous: a first call
    /// on a cold, loaded machine can exceed the 3 s default, and a deadline counts as "instance down".
    /// </summary>
    public static MediaRelayPickerOptions Options() =>
        new() { InstanceListDuration = TimeSpan.Zero, CallTimeout = TimeSpan.FromSeconds(30) };
}
