namespace Switchboard.Transaction.Server;

/// <summary>Builds the 100 Trying an INVITE server transaction sends when the TU is slow (RFC 3261 §17.2.1).</summary>
public interface ITryingBuilder
{
    /// <summary>The 100 Trying bytes for <paramref name="invite"/>.</summary>
    ReadOnlyMemory<byte> BuildTrying(ReadOnlyMemory<byte> invite);
}
