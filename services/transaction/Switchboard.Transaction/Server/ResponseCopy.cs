using System.Runtime.InteropServices;

namespace Switchboard.Transaction.Server;

/// <summary>Keeps a response that lives for Timer J in an array of its own size, not in a larger writer buffer.</summary>
internal static class ResponseCopy
{
    // Below this much slack a copy would cost more than it saves.
    private const int MaxSlack = 64;

    public static ReadOnlyMemory<byte> Trim(ReadOnlyMemory<byte> response)
    {
        if (MemoryMarshal.TryGetArray(response, out ArraySegment<byte> segment)
            && segment.Array!.Length - segment.Count <= MaxSlack)
        {
            return response;
        }

        return response.ToArray();
    }
}
