using Microsoft.Extensions.Options;

namespace Switchboard.Hosting.Settings;

/// <summary>
/// Builds <typeparamref name="TOptions"/> through the whole options pipeline (bind, configure, post-configure,
/// validate) without touching the monitor's cache, so a failure is found before anyone sees the value.
/// </summary>
internal sealed class RuntimeOptionsCheck<TOptions>(string section, IOptionsFactory<TOptions> factory) : IRuntimeOptionsCheck
    where TOptions : class
{
    public string Section => section;

    public string? Check()
    {
        try
        {
            factory.Create(Options.DefaultName);
            return null;
        }
        catch (OptionsValidationException e)
        {
            return string.Join("; ", e.Failures);
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException or ArgumentException or OverflowException)
        {
            return e.Message; // the binder names the key and the type it could not convert to
        }
    }
}
