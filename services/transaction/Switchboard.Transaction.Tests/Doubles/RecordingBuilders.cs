using System.Text;
using Switchboard.Transaction.Client;
using Switchboard.Transaction.Server;

namespace Switchboard.Transaction.Tests.Doubles;

/// <summary>Builds "ACK(request|response)" and counts its calls.</summary>
public sealed class RecordingAckBuilder : IAckBuilder
{
    public int Calls { get; private set; }

    public ReadOnlyMemory<byte> BuildAck(ReadOnlyMemory<byte> request, ReadOnlyMemory<byte> response)
    {
        Calls++;
        return Encoding.UTF8.GetBytes($"ACK({Encoding.UTF8.GetString(request.Span)}|{Encoding.UTF8.GetString(response.Span)})");
    }
}

/// <summary>Builds "100(request)".</summary>
public sealed class RecordingTryingBuilder : ITryingBuilder
{
    public int Calls { get; private set; }

    public ReadOnlyMemory<byte> BuildTrying(ReadOnlyMemory<byte> invite)
    {
        Calls++;
        return Encoding.UTF8.GetBytes($"100({Encoding.UTF8.GetString(invite.Span)})");
    }
}
