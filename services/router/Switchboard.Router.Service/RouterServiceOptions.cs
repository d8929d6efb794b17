namespace Switchboard.Router.Service;

/// <summary>The "Router:Grpc" section.</summary>
public sealed class RouterServiceOptions
{
    public const string SectionName = "Router:Grpc";

    /// <summary>Requests of one stream answered at once (the rest wait in order of arrival).</summary>
    public int MaxConcurrentCallsPerStream { get; set; } = 16;
}
