using Switchboard.Contracts.Logging;

namespace Switchboard.Hosting.Logging;

/// <summary>
/// The System Log level of each component tag, changeable while running (an admin's
/// <c>SettingsChanged</c> event ends up in <see cref="Set"/>); loggers pick the change up at once.
/// </summary>
public interface ISystemLogLevels
{
    SystemLogLevel Get(string tag);

    void Set(string tag, SystemLogLevel level);
}
