using Microsoft.Extensions.Options;

namespace Switchboard.Registrar;

/// <summary>
/// Refuses options no registrar can work with. At start that fails the service; a run-time setting that would
/// fail it is not applied (the old value stays).
/// </summary>
public sealed class RegistrarOptionsValidator : IValidateOptions<RegistrarOptions>
{
    public ValidateOptionsResult Validate(string? name, RegistrarOptions options)
    {
        var failures = new List<string>();
        if (options.MinimalRegistration < TimeSpan.Zero)
            failures.Add("Registrar:MinimalRegistration must not be negative");
        if (options.MaximumRegistration < options.MinimalRegistration)
            failures.Add("Registrar:MaximumRegistration must not be below MinimalRegistration");
        if (options.DefaultExpires <= TimeSpan.Zero)
            failures.Add("Registrar:DefaultExpires must be positive");
        if (options.MaxContactsPerAor < 0)
            failures.Add("Registrar:MaxContactsPerAor must be 0 (no limit) or more");
        if (!Enum.IsDefined(options.ContactLimitPolicy))
            failures.Add("Registrar:ContactLimitPolicy must be DropOldest or Reject");
        if (options.ExpirySweepInterval <= TimeSpan.Zero)
            failures.Add("Registrar:ExpirySweepInterval must be positive");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
