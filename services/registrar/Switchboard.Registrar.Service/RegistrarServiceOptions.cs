namespace Switchboard.Registrar.Service;

/// <summary>The "Registrar:Grpc" section.</summary>
public sealed class RegistrarServiceOptions
{
    public const string SectionName = "Registrar:Grpc";

    /// <summary>Requests of one stream answered at once (the rest wait in order of arrival).</summary>
    public int MaxConcurrentCallsPerStream { get; set; } = 16;
}
