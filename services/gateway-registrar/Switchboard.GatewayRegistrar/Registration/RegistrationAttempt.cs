namespace Switchboard.GatewayRegistrar.Registration;

/// <summary>
/// How one registration attempt (including its challenge and 423 rounds) ended. <see cref="Granted"/> is the
/// binding's lifetime when registered; <see cref="RetryAfter"/> is the gateway's Retry-After on a failure.
/// </summary>
public sealed record RegistrationAttempt(bool Registered, int StatusCode, string Reason, TimeSpan Granted, TimeSpan? RetryAfter)
{
    public static RegistrationAttempt Success(int statusCode, string reason, TimeSpan granted) => new(true, statusCode, reason, granted, null);

    public static RegistrationAttempt Failure(int statusCode, string reason, TimeSpan? retryAfter = null) =>
        new(false, statusCode, reason, TimeSpan.Zero, retryAfter);
}
