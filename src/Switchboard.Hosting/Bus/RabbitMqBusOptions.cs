namespace Switchboard.Hosting.Bus;

/// <summary>
/// Where the broker is: either <see cref="Uri"/> (<c>amqp://guest:guest@127.0.0.1:5672/</c>, which wins
/// when set) or the separate fields.
/// </summary>
public sealed class RabbitMqBusOptions
{
    public string? Uri { get; set; }

    public string Host { get; set; } = "127.0.0.1";

    public int Port { get; set; } = 5672;

    public string VirtualHost { get; set; } = "/";

    public string Username { get; set; } = "guest";

    public string Password { get; set; } = "guest";
}
